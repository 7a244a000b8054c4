using System.ComponentModel;
using BalkanBot.Handlers;
using BalkanBot.Knowledge;
using BalkanBot.Retrieval;
using BalkanBot.Routing;
using Microsoft.SemanticKernel;

namespace BalkanBot.Answers;

/// <summary>
/// The knowledge base as Semantic Kernel functions the model may call: the engine's own search, records, lists,
/// comparison and timeline, read-only. Every line returned carries its citation numbers and record id, and goes
/// into the <see cref="FunctionLedger"/> that the answer is later checked against.
/// </summary>
public sealed class KnowledgePlugin(KnowledgeBase kb, FunctionLedger ledger, TimeProvider clock)
{
    public const string Name = "knowledge";
    private const int MaxLines = 12;
    private static readonly RecordKind[] Dated = [RecordKind.Event, RecordKind.Agreement];

    private readonly IntentRouter _router = new(kb, clock);
    private readonly FocusResolver _focus = new(kb);

    [KernelFunction("search_passages")]
    [Description("Searches the knowledge base for passages that answer a question. Returns passage text with citation numbers and record ids.")]
    public string SearchPassages([Description("The question or search words, in English.")] string query)
    {
        ledger.Called("search_passages");
        var (routed, focus) = _focus.Resolve(_router.Route(Bounded(query)), null);
        var evidence = EvidenceFinder.Find(kb, routed, focus, limit: MaxLines);
        var passages = evidence.Supporting.Concat(evidence.Candidates).Select(h => h.Passage).DistinctBy(p => p.Id).Take(MaxLines).ToList();
        return Lines(passages.Select(p => ledger.Line(p.Text, p.RecordId, p.Cite, p.Refers)), "No passage matches.");
    }

    [KernelFunction("get_record")]
    [Description("Gets one record (agreement, event, actor, figure, claim) by its id or name, with every statement cited.")]
    public string GetRecord([Description("A record id from an earlier result, or a name such as 'Tirana Declaration'.")] string idOrName)
    {
        ledger.Called("get_record");
        if (Resolve(idOrName) is not { } record) return $"No record is called '{Bounded(idOrName, 80)}'.";
        var lines = kb.PassagesOf(record).Select(p => ledger.Line(p.Text, p.RecordId, p.Cite, p.Refers)).ToList();
        lines.AddRange(kb.FiguresOf([record.Id]).Take(5).SelectMany(kb.PassagesOf).Select(p => ledger.Line(p.Text, p.RecordId, p.Cite)));
        lines.AddRange(kb.ConflictsAbout([record.Id]).Take(3).SelectMany(kb.PassagesOf).Select(p => ledger.Line(p.Text, p.RecordId, p.Cite)));
        return Lines(lines.Take(MaxLines * 2), $"The record {record.Id} holds no cited statement.");
    }

    [KernelFunction("records_of")]
    [Description("Lists the agreements and events of an actor, or of a period, or of an actor within a period, oldest first.")]
    public string RecordsOf(
        [Description("A state, organisation or person by name or id; empty for every actor.")] string? actor = null,
        [Description("Start of the period: a year (2023) or a date (2023-09-24); empty for no start.")] string? from = null,
        [Description("End of the period: a year or a date; empty for no end.")] string? to = null)
    {
        ledger.Called("records_of");
        var who = string.IsNullOrWhiteSpace(actor) ? null : Resolve(actor);
        if (!string.IsNullOrWhiteSpace(actor) && who is null) return $"No actor is called '{Bounded(actor, 80)}'.";
        var period = Period(from, to);
        if (who is null && period is null) return "Give an actor, a period or both.";
        var records = period is { } p
            ? kb.InPeriod(p.From, p.To, Dated, who is null ? null : [who.Id], MaxLines).OrderBy(r => r.Date?.Start).ToList()
            : kb.RecordsInvolving(who!.Id, Dated, MaxLines);
        return Lines(records.Select(r => ledger.Line($"{r.Date?.Display ?? "undated"}: {r.Name}. {RecordFacts.Gist(r)}", r.Id, RecordFacts.Backing(r))),
            "No dated agreement or event matches.");
    }

    [KernelFunction("compare")]
    [Description("Compares two sides (states, blocs or agreements) on a measure such as troops, tanks, population or provisions.")]
    public string Compare(
        [Description("The first side, e.g. 'Serbia' or 'Albania, Croatia and Kosovo'.")] string sideA,
        [Description("The second side.")] string sideB,
        [Description("What to compare them on, e.g. 'troops'; empty for the usual measures.")] string? measure = null)
    {
        ledger.Called("compare");
        var text = $"Compare {Bounded(sideA, 120)} and {Bounded(sideB, 120)}" + (string.IsNullOrWhiteSpace(measure) ? "" : $" on {Bounded(measure, 60)}");
        var answer = Handle(new CompareHandler(), text, IntentKind.Compare, null);
        if (answer?.Comparison is not { } table) return "These two sides cannot be compared from the sources.";
        foreach (var id in answer.RecordIds) ledger.Show(id);
        var lines = new List<string>();
        foreach (var row in table.Rows)
            foreach (var (cell, column) in row.Cells.Zip(table.Columns))
                if (!cell.NoData) lines.Add(ledger.Line($"{row.Measure}, {column}: {cell.Text}", ColumnRecord(answer, column), Cites(answer, cell.Citations)));
        return Lines(lines, "The sources hold no figure for either side.");
    }

    [KernelFunction("timeline")]
    [Description("Dated events and agreements of a place, actor or agreement, optionally within a period, oldest first.")]
    public string Timeline(
        [Description("What the timeline is about, e.g. 'Kosovo' or 'Serbia and Hungary'.")] string subject,
        [Description("Start of the period: a year or a date; empty for no start.")] string? from = null,
        [Description("End of the period: a year or a date; empty for no end.")] string? to = null)
    {
        ledger.Called("timeline");
        var answer = Handle(new TimelineHandler(new OverviewHandler()), $"Timeline of {Bounded(subject, 160)}", IntentKind.Timeline, Period(from, to));
        if (answer is not { Timeline.Count: > 0 }) return "No dated agreement or event matches.";
        return Lines(answer.Timeline.Select(t => ledger.Line($"{t.Date}: {t.Event}", t.RecordId, Cites(answer, t.Citations))), "");
    }

    private Answer? Handle(IIntentHandler handler, string text, IntentKind intent, Period? period)
    {
        var routed = _router.Route(text) with { Intent = intent };
        if (period is not null) routed = routed with { Period = period };
        var (resolved, focus) = _focus.Resolve(routed, null);
        return handler.Handle(new HandlerContext(resolved with { Intent = intent }, kb, focus, null, clock));
    }

    private KnowledgeRecord? Resolve(string idOrName)
    {
        var trimmed = idOrName.Trim();
        if (kb.Get(trimmed) is { } byId) return byId;
        var tokens = TextNormalizer.Tokens(Bounded(trimmed, 120));
        return kb.Aliases.Find(tokens).OrderByDescending(m => m.TokenCount).Select(m => kb.Get(m.RecordId)).OfType<KnowledgeRecord>().FirstOrDefault();
    }

    private static Period? Period(string? from, string? to)
    {
        var start = PartialDate.TryParse(from?.Trim(), out var f) ? f : null;
        var end = PartialDate.TryParse(to?.Trim(), out var t) ? t : null;
        if (start is null && end is null) return null;
        return new Period(start?.Start ?? new DateOnly(1900, 1, 1), end?.EndInclusive ?? new DateOnly(2100, 12, 31), $"{from} to {to}");
    }

    /// <summary>The record a comparison column stands for (a state, a bloc's agreement), else the first the table used.</summary>
    private string ColumnRecord(Answer answer, string column) =>
        answer.RecordIds.Select(kb.Get).OfType<KnowledgeRecord>()
            .FirstOrDefault(r => string.Equals(r.ShortName, column, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Name, column, StringComparison.OrdinalIgnoreCase))?.Id
        ?? (answer.RecordIds.Count > 0 ? answer.RecordIds[0] : "");

    private static IEnumerable<Citation> Cites(Answer answer, IReadOnlyList<int> numbers) =>
        answer.Citations.Where(c => numbers.Contains(c.N)).Select(c => new Citation(c.SourceId, c.Locator));

    private static string Lines(IEnumerable<string> lines, string none)
    {
        var text = string.Join('\n', lines);
        return text.Length == 0 ? none : text;
    }

    private static string Bounded(string? text, int max = 300)
    {
        var t = (text ?? "").Trim();
        return t.Length > max ? t[..max] : t;
    }
}
