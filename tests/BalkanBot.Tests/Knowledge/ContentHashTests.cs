using BalkanBot.Knowledge;
using BalkanBot.Tests.TestSupport;

namespace BalkanBot.Tests.Knowledge;

/// <summary>The content hash /readyz reports: the same knowledge gives the same hash wherever and whenever it is built.</summary>
public sealed class ContentHashTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("balkanbot-hash-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string CopyKnowledge(string name)
    {
        var target = Path.Combine(_dir, name);
        foreach (var file in Directory.EnumerateFiles(SeedKnowledge.KnowledgeFolder, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(SeedKnowledge.KnowledgeFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    private string? HashOf(string folder, string db)
    {
        KnowledgeBuilder.Build(folder, Path.Combine(_dir, db));
        using var kb = KnowledgeBase.Open(Path.Combine(_dir, db));
        return kb.ContentHash;
    }

    [Fact]
    public void ContentHash_SameFilesInAnotherFolder_SameHash()
    {
        var first = HashOf(CopyKnowledge("a"), "a.db");
        var second = HashOf(CopyKnowledge("b"), "b.db");

        Assert.Matches("^[0-9a-f]{32}$", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void ContentHash_OneRecordChanged_DifferentHash()
    {
        var before = HashOf(CopyKnowledge("a"), "a.db");
        var changed = CopyKnowledge("b");
        var file = Directory.EnumerateFiles(Path.Combine(changed, "agreements"), "*.yaml").Order(StringComparer.Ordinal).First();
        var text = File.ReadAllText(file);
        var edited = text.Replace("name: \"", "name: \"Renamed ", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);
        File.WriteAllText(file, edited);

        Assert.NotEqual(before, HashOf(changed, "b.db"));
    }
}
