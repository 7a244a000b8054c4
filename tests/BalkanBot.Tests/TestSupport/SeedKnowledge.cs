using BalkanBot.Knowledge;

namespace BalkanBot.Tests.TestSupport;

/// <summary>The repository's knowledge/ compiled once into a temporary database, shared read-only by a test class.</summary>
public sealed class SeedKnowledge : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("balkanbot-kb-").FullName;

    public SeedKnowledge()
    {
        DatabasePath = Path.Combine(_dir, "knowledge.db");
        Build = KnowledgeBuilder.Build(KnowledgeFolder, DatabasePath);
        Kb = KnowledgeBase.Open(DatabasePath);
    }

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "BalkanBot.sln"))) return dir.FullName;
            throw new InvalidOperationException("BalkanBot.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string KnowledgeFolder => Path.Combine(RepositoryRoot, "knowledge");

    public string DatabasePath { get; }
    public BuildResult Build { get; }
    public KnowledgeBase Kb { get; }

    public void Dispose()
    {
        Kb.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
