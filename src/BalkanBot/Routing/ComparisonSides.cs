using System.Text.RegularExpressions;
using BalkanBot.Knowledge;

namespace BalkanBot.Routing;

/// <summary>
/// Splits a comparison into its sides. Names joined by dashes or slashes form one side ("Serbia–Hungary");
/// otherwise "vs", "versus", "against", "with", "and" separate the sides.
/// </summary>
internal static partial class ComparisonSides
{
    public static IReadOnlyList<IReadOnlyList<EntityMention>> Split(string original, IReadOnlyList<EntityMention> mentions, KnowledgeBase kb)
    {
        if (mentions.Count < 2) return mentions.Count == 1 ? [[mentions[0]]] : [];
        var sides = new List<List<EntityMention>>();
        foreach (var chunk in Separator().Split(original))
        {
            var (found, _) = kb.Aliases.LinkWritten(chunk, kb.Vocabulary);
            var ids = found.Select(m => m.RecordId).Distinct().ToHashSet();
            var side = mentions.Where(m => ids.Contains(m.RecordId) && !sides.Any(s => s.Any(x => x.RecordId == m.RecordId))).ToList();
            if (side.Count == 0) continue;
            // Within a chunk, only dash-joined names belong together; "Serbia and Hungary" were split above.
            sides.Add(side);
        }
        // A single chunk with several plain names ("compare Serbia Croatia Hungary") compares them one by one.
        if (sides.Count == 1 && !DashJoined().IsMatch(original)) return sides[0].Select(m => (IReadOnlyList<EntityMention>)[m]).ToList();
        return sides.Select(s => (IReadOnlyList<EntityMention>)s).ToList();
    }

    [GeneratedRegex(@"\s+(?:vs\.?|versus|against|with|and|to|or|compared\s+to|compared\s+with)\s+|,|;|\?", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    [GeneratedRegex(@"\p{L}\s*[-–—/]\s*\p{L}")]
    private static partial Regex DashJoined();
}
