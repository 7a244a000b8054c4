using BalkanBot.Knowledge;

namespace BalkanBot.Tests.Knowledge;

/// <summary>Past <see cref="KnowledgeBase.LargeEventIndex"/> events, event search needs every word, exactly.</summary>
public sealed class LargeEventIndexTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("balkanbot-large-").FullName;

    private KnowledgeBase BuildWithEvents(int count)
    {
        var cite = new[] { new Citation("src", "p1") };
        var records = new List<KnowledgeRecord>
        {
            new() { Id = "src", Kind = RecordKind.Source, Name = "A source", Title = "A source" },
        };
        for (var i = 0; i < count; i++)
            records.Add(new KnowledgeRecord
            {
                Id = $"ev-{i}",
                Kind = RecordKind.Event,
                Name = $"Protest number {i}",
                Date = new PartialDate(2020 + i % 5, 1 + i % 12),
                Summary = new CitedText(i == 7 ? "A bridge blockade in Mitrovica by farmers." : "A protest in a town square.", cite),
            });
        var db = Path.Combine(_dir, $"kb{count}.db");
        KnowledgeBuilder.Build(records, db);
        return KnowledgeBase.Open(db);
    }

    [Fact]
    public void Search_LargeEventIndex_RequiresEveryWord()
    {
        using var kb = BuildWithEvents(KnowledgeBase.LargeEventIndex + 100);
        Assert.Equal("ev-7", Assert.Single(kb.Search(["bridge", "blockade", "mitrovica"], [RecordKind.Event])).Id);
        Assert.Empty(kb.Search(["bridge", "protest", "nonexistent"], [RecordKind.Event]));
    }

    [Fact]
    public void Search_SmallEventIndex_MatchesAnyWordByPrefix()
    {
        using var kb = BuildWithEvents(50);
        Assert.Contains(kb.Search(["blockades", "nonexistent"], [RecordKind.Event]), h => h.Id == "ev-7");
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
