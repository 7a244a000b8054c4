using BalkanBot.Knowledge;

namespace BalkanBot.Answers;

/// <summary>
/// Whether a disagreement belongs under an answer. A conflict record lists every record its summary touches (the
/// Banjska dispute lists the Tirana Declaration, whose catalyst Banjska is said to be), but it is about fewer: the
/// record it names first, the records its title names, the figures it sets against each other, and the claims it
/// weighs. It belongs under an answer only when one of those is among the answer's own records.
/// </summary>
internal static class ConflictRelevance
{
    public static bool Concerns(KnowledgeBase kb, KnowledgeRecord conflict, IReadOnlyCollection<string> answerRecords)
    {
        // Disagreements the answer found among its own figures are about them by construction.
        if (conflict.About.Count == 0) return true;
        if (answerRecords.Contains(conflict.About[0])) return true;
        var title = " " + TextNormalizer.Normalize(conflict.Name) + " ";
        foreach (var id in conflict.About.Skip(1).Where(answerRecords.Contains))
        {
            if (kb.Get(id) is not { } r) continue;
            if (r.Kind is RecordKind.Figure or RecordKind.Claim) return true;
            if (Names(r).Any(n => title.Contains(" " + n + " ", StringComparison.Ordinal))) return true;
        }
        return false;
    }

    private static IEnumerable<string> Names(KnowledgeRecord r) =>
        r.Aliases.Append(r.Name).Append(r.ShortName).Select(TextNormalizer.Normalize).Where(n => n.Length >= 3).Distinct();
}
