using BalkanBot.Knowledge;

namespace BalkanBot.Digests;

/// <summary>
/// Reads "weekly Kosovo incidents" (what follows subscribe, unsubscribe or digest): a schedule name, kind words and
/// country or actor names, linked through the same alias index as questions, so "Vucic" and "Kosova" work too.
/// </summary>
public sealed record SubscriptionRequest(string? Schedule, DigestFilter Filter, IReadOnlyList<string> Unrecognised)
{
    private static readonly Dictionary<string, RecordKind> KindWords = new(StringComparer.Ordinal)
    {
        ["agreement"] = RecordKind.Agreement,
        ["agreements"] = RecordKind.Agreement,
        ["treaty"] = RecordKind.Agreement,
        ["treaties"] = RecordKind.Agreement,
        ["deals"] = RecordKind.Agreement,
        ["declarations"] = RecordKind.Agreement,
        ["incident"] = RecordKind.Event,
        ["incidents"] = RecordKind.Event,
        ["event"] = RecordKind.Event,
        ["events"] = RecordKind.Event,
        ["attacks"] = RecordKind.Event,
        ["developments"] = RecordKind.Event,
        ["figure"] = RecordKind.Figure,
        ["figures"] = RecordKind.Figure,
        ["numbers"] = RecordKind.Figure,
        ["statistics"] = RecordKind.Figure,
    };

    // Words people put around the request that carry no filter.
    private static readonly HashSet<string> Filler =
    [
        "to", "for", "on", "about", "me", "us", "the", "a", "an", "digest", "digests", "please", "news", "updates", "update", "only",
        "and", "of", "in", "with", "subscribe", "unsubscribe", "subscription", "subscriptions", "now", "preview", "send", "all", "everything",
        "my", "this", "channel", "chat", "here", "from", "new", "summary", "report", "balkan", "balkanbot",
    ];

    public static SubscriptionRequest Parse(string? text, KnowledgeBase kb, IEnumerable<string> scheduleNames)
    {
        var names = scheduleNames.Select(n => n.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var tokens = TextNormalizer.Tokens(text);
        string? schedule = null;
        var kinds = new List<RecordKind>();
        var rest = new List<string>();
        foreach (var t in tokens)
        {
            if (schedule is null && names.Contains(t)) schedule = t;
            else if (schedule is null && t is "weekday" or "weekdays" or "day" && names.Contains("daily")) schedule = "daily";
            else if (schedule is null && t is "week" or "monday" or "mondays" && names.Contains("weekly")) schedule = "weekly";
            else if (KindWords.TryGetValue(t, out var k)) kinds.Add(k);
            else if (!Filler.Contains(t)) rest.Add(t);
        }
        var ids = new List<string>();
        var unrecognised = new List<string>();
        if (rest.Count > 0)
        {
            var words = rest.ToArray();
            var (mentions, _) = kb.Aliases.Link(words, kb.Vocabulary);
            var covered = new bool[words.Length];
            foreach (var m in mentions.Where(m => m.Kind == RecordKind.Actor))
            {
                if (!ids.Contains(m.RecordId)) ids.Add(m.RecordId);
                for (var i = m.TokenStart; i < m.TokenStart + m.TokenCount; i++) covered[i] = true;
            }
            unrecognised.AddRange(words.Where((w, i) => !covered[i] && !Stopwords.IsStopword(w)));
        }
        return new SubscriptionRequest(schedule, DigestFilter.Create(kinds, ids, kb), unrecognised);
    }
}
