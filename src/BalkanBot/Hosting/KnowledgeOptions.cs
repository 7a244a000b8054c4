namespace BalkanBot.Hosting;

/// <summary>Where the knowledge files and the compiled databases live ("Knowledge" section of appsettings.json).</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    public string Folder { get; set; } = "knowledge";
    public string Database { get; set; } = "data/knowledge.db";
    public string AppDatabase { get; set; } = "data/app.db";
    /// <summary>Rebuild at start when the database is missing or older than any knowledge file.</summary>
    public bool BuildOnStart { get; set; } = true;
}

internal static class AppPaths
{
    /// <summary>
    /// Resolves a configured path: absolute as given; relative against the working directory, or else against the
    /// first parent of the working directory or of the program that contains BalkanBot.sln (so the bot finds
    /// knowledge/ when started from src/ or bin/).
    /// </summary>
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        var root = RepositoryRoot();
        return Path.GetFullPath(Path.Combine(root ?? Directory.GetCurrentDirectory(), path));
    }

    public static string? RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "BalkanBot.sln"))) return dir.FullName;
        }
        return null;
    }

    /// <summary>True when the database is missing, from an older schema, or older than any knowledge file.</summary>
    public static bool NeedsBuild(string knowledgeFolder, string database)
    {
        if (!File.Exists(database)) return true;
        if (Knowledge.KnowledgeBuilder.ReadSchemaVersion(database) != Knowledge.KnowledgeBuilder.SchemaVersion) return Directory.Exists(knowledgeFolder);
        if (!Directory.Exists(knowledgeFolder)) return false;
        var built = File.GetLastWriteTimeUtc(database);
        return Directory.EnumerateFiles(knowledgeFolder, "*.y*ml", SearchOption.AllDirectories)
            .Any(f => File.GetLastWriteTimeUtc(f) > built);
    }
}
