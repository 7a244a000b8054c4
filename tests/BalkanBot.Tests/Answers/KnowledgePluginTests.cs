using System.Text.RegularExpressions;
using BalkanBot.Answers;
using BalkanBot.Tests.TestSupport;

namespace BalkanBot.Tests.Answers;

/// <summary>The knowledge functions over the repository's knowledge: cited lines, and a ledger of what they returned.</summary>
public sealed partial class KnowledgePluginTests(SeedKnowledge seed) : IClassFixture<SeedKnowledge>
{
    [Fact]
    public void GetRecord_ByName_EveryCitedLineNamesItsRecord()
    {
        var (plugin, ledger) = Plugin();

        var result = plugin.GetRecord("Tirana Declaration");

        var lines = Cited(result);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal("tirana-declaration-2025", l.Record));
        Assert.All(lines.SelectMany(l => l.Citations), n => Assert.True(ledger.Returned(n)));
        Assert.Contains("tirana-declaration-2025", ledger.Linked);
        Assert.Equal(["get_record"], ledger.Calls);
    }

    [Fact]
    public void GetRecord_UnknownName_SaysSoAndReturnsNothing()
    {
        var (plugin, ledger) = Plugin();

        Assert.StartsWith("No record is called", plugin.GetRecord("Atlantis Accord"), StringComparison.Ordinal);
        Assert.Empty(ledger.Citations);
    }

    [Fact]
    public void RecordsOf_ActorInPeriod_DatedRecordsOldestFirst()
    {
        var (plugin, _) = Plugin();

        var lines = Cited(plugin.RecordsOf("Serbia", "2023", "2025"));

        Assert.NotEmpty(lines);
        Assert.Contains(lines, l => l.Record == "serbia-hungary-defence-plan-2025");
        Assert.DoesNotContain(lines, l => l.Text.StartsWith("2022", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_TwoStates_CellsCitedWithTheirState()
    {
        var (plugin, _) = Plugin();

        var lines = Cited(plugin.Compare("Serbia", "Croatia", "tanks"));

        Assert.Contains(lines, l => l.Text.StartsWith("Main battle tanks, Serbia:", StringComparison.Ordinal) && l.Record == "serbia");
        Assert.Contains(lines, l => l.Text.StartsWith("Main battle tanks, Croatia:", StringComparison.Ordinal) && l.Record == "croatia");
    }

    [Fact]
    public void Timeline_SubjectFromAYear_EntriesCitedInDateOrder()
    {
        var (plugin, _) = Plugin();

        var lines = Cited(plugin.Timeline("Kosovo", "2023"));

        Assert.True(lines.Count >= 2);
        Assert.Contains(lines, l => l.Record == "tirana-declaration-2025");
    }

    [Fact]
    public void Ledger_SameSourceTwice_SameNumber()
    {
        var (plugin, ledger) = Plugin();

        var first = Cited(plugin.GetRecord("Tirana Declaration"));
        var count = ledger.Citations.Count;
        var second = Cited(plugin.GetRecord("tirana-declaration-2025"));

        Assert.Equal(count, ledger.Citations.Count);
        Assert.Equal(first.Select(l => l.Citations), second.Select(l => l.Citations));
        Assert.Equal(Enumerable.Range(1, count), ledger.Citations.Select(c => c.N));
    }

    private (KnowledgePlugin Plugin, FunctionLedger Ledger) Plugin()
    {
        var ledger = new FunctionLedger(seed.Kb);
        return (new KnowledgePlugin(seed.Kb, ledger, TimeProvider.System), ledger);
    }

    private static List<(string Text, List<int> Citations, string Record)> Cited(string result) =>
        Line().Matches(result).Select(m => (m.Groups["text"].Value, m.Groups["n"].Captures.Select(c => int.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList(), m.Groups["record"].Value))
            .Where(l => l.Item2.Count > 0).ToList();

    [GeneratedRegex(@"^- (?<text>.+?)(?: \[(?<n>\d+)\])* \(record (?<record>[^)]*)\)$", RegexOptions.Multiline)]
    private static partial Regex Line();
}
