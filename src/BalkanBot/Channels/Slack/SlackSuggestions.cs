using BalkanBot.Answers;
using BalkanBot.Knowledge;

namespace BalkanBot.Channels.Slack;

/// <summary>An example question: the short title shown on a chip or button, the question itself, and the record it is about.</summary>
public sealed record SuggestedQuestion(string Title, string Question, string RecordId);

/// <summary>
/// Example questions taken from the base itself (its most recent agreements and events), kept only when the engine
/// answers them from that very record. So the suggestions follow the base as it grows, and never offer a question
/// the bot would answer with "I don't know".
/// </summary>
public sealed class SlackSuggestions(KnowledgeBase kb, AnswerEngine engine, TimeProvider clock)
{
    private const int Candidates = 16;
    private readonly Lazy<IReadOnlyList<SuggestedQuestion>> _verified = new(() => Verify(kb, engine, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));

    public IReadOnlyList<SuggestedQuestion> Take(int count) => _verified.Value.Take(count).ToList();

    private static List<SuggestedQuestion> Verify(KnowledgeBase kb, AnswerEngine engine, DateOnly today) =>
        CandidatesFrom(kb, today).Where(s =>
        {
            var answer = engine.Answer(new Question(s.Question, ChannelKeys.Slack, "suggestions:" + Guid.NewGuid().ToString("N")));
            return answer.Answered && answer.RecordIds.Count > 0 && answer.RecordIds[0] == s.RecordId;
        }).ToList();

    /// <summary>Newest agreements and events first, alternating, so the examples show both kinds.</summary>
    internal static IEnumerable<SuggestedQuestion> CandidatesFrom(KnowledgeBase kb, DateOnly today)
    {
        var agreements = kb.OfKind(RecordKind.Agreement).Where(r => r.Date is not null).OrderByDescending(r => r.Date).Take(Candidates / 2)
            .Select(r => ShortName(r) is var n ? new SuggestedQuestion(n, $"What is {The(n)}?", r.Id) : null).OfType<SuggestedQuestion>().ToList();
        var events = kb.InPeriod(new DateOnly(1900, 1, 1), today.AddYears(1), [RecordKind.Event], limit: Candidates / 2)
            .Select(r => ShortName(r) is var n ? new SuggestedQuestion(n, $"What happened with {n}?", r.Id) : null).OfType<SuggestedQuestion>().ToList();
        for (var i = 0; i < Math.Max(agreements.Count, events.Count); i++)
        {
            if (i < agreements.Count) yield return agreements[i];
            if (i < events.Count) yield return events[i];
        }
    }

    /// <summary>What people call it: the first alias (the base lists the usual short name first), else the name
    /// without its trailing "(…)" qualifier.</summary>
    internal static string ShortName(KnowledgeRecord r)
    {
        var alias = r.Aliases.FirstOrDefault(a => !string.IsNullOrWhiteSpace(a));
        if (alias is not null) return alias.Trim();
        var paren = r.Name.LastIndexOf(" (", StringComparison.Ordinal);
        return (paren > 0 && r.Name.EndsWith(')') ? r.Name[..paren] : r.Name).Trim();
    }

    private static string The(string name) => name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name : "the " + name;
}
