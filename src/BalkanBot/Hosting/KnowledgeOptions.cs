namespace BalkanBot.Hosting;

/// <summary>Where the knowledge files and the compiled databases live ("Knowledge" section of appsettings.json).</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>The YAML records; relative paths are taken from the app folder (the repository, or the published folder).</summary>
    public string Folder { get; set; } = "knowledge";
    /// <summary>The compiled base; relative paths are taken from the data directory (Data:Directory).</summary>
    public string Database { get; set; } = "knowledge.db";
    /// <summary>Feedback, subscriptions, deliveries and other state; relative paths are taken from the data directory.</summary>
    public string AppDatabase { get; set; } = "app.db";
    /// <summary>Rebuild at start when the database is missing or older than any knowledge file.</summary>
    public bool BuildOnStart { get; set; } = true;
}

internal static class AppPaths
{
    /// <summary>The setting that names the writable data directory; relative to the app folder, default "data".</summary>
    public const string DataDirectoryKey = "Data:Directory";
    public const string DefaultDataDirectory = "data";

    /// <summary>
    /// The app folder: the first parent of the working directory or of the program that holds BalkanBot.sln (a
    /// checkout: dotnet run, tests, started from src/ or bin/), or else the folder of the program itself (published).
    /// </summary>
    public static string AppRoot() => RepositoryRoot() ?? AppContext.BaseDirectory;

    /// <summary>Resolves a configured path: absolute as given, relative against the app folder.</summary>
    public static string Resolve(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(AppRoot(), path));

    /// <summary>The writable directory for the compiled knowledge base and the app database.</summary>
    public static string DataDirectory(IConfiguration configuration) =>
        Resolve(string.IsNullOrWhiteSpace(configuration[DataDirectoryKey]) ? DefaultDataDirectory : configuration[DataDirectoryKey]!);

    /// <summary>A database file: absolute as given, relative against the data directory.</summary>
    public static string InData(IConfiguration configuration, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(DataDirectory(configuration), path));

    public static string? RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "BalkanBot.sln"))) return dir.FullName;
        }
        return null;
    }

    /// <summary>
    /// True when the database is missing, from an older schema, or built from other knowledge files than these (by
    /// their content, or for a database that does not record it, by file times).
    /// </summary>
    public static bool NeedsBuild(string knowledgeFolder, string database)
    {
        if (!File.Exists(database)) return true;
        if (Knowledge.KnowledgeBuilder.ReadSchemaVersion(database) != Knowledge.KnowledgeBuilder.SchemaVersion) return Directory.Exists(knowledgeFolder);
        if (!Directory.Exists(knowledgeFolder)) return false;
        if (Knowledge.KnowledgeBuilder.ReadMeta(database, "source_hash") is { } builtFrom)
            return builtFrom != Knowledge.KnowledgeBuilder.SourceHash(knowledgeFolder);
        var built = File.GetLastWriteTimeUtc(database);
        return Directory.EnumerateFiles(knowledgeFolder, "*.y*ml", SearchOption.AllDirectories)
            .Any(f => File.GetLastWriteTimeUtc(f) > built);
    }
}
