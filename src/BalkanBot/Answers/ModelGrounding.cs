using System.Text.RegularExpressions;
using BalkanBot.Knowledge;

namespace BalkanBot.Answers;

/// <summary>A model answer that passed every check: its text with citations renumbered from 1, and what they point at.</summary>
public sealed record GroundedText(string Text, IReadOnlyList<AnswerCitation> Citations, IReadOnlyList<string> RecordIds);

/// <summary>
/// The checks an answer written from function results must pass, whatever the model wrote: every sentence cites;
/// every citation is one a function returned; every number and date stands in a returned record or passage; every
/// name is a record the functions returned or linked, or a word of what they returned.
/// </summary>
public static partial class ModelGrounding
{
    internal const int MaxReplyChars = 1200;

    /// <summary>The accepted text, or the reason it was refused.</summary>
    public static (GroundedText? Grounded, string? Reason) Check(string? reply, FunctionLedger ledger, KnowledgeBase kb)
    {
        var text = LlmPhraser.Clean(reply);
        if (text.Length == 0) return (null, "empty reply");
        if (text.Length > MaxReplyChars) return (null, $"reply too long ({text.Length} characters)");
        var cited = LlmPhraser.Cited(text);
        if (cited.Count == 0) return (null, "cites no source");
        if (cited.FirstOrDefault(n => !ledger.Returned(n), -1) is var bad and >= 0)
            return (null, $"cites [{bad}], which no function returned");
        if (LlmPhraser.UncitedSentence(text) is { } uncited) return (null, uncited);
        if (LlmPhraser.Ungrounded(text, ledger.Allowed()) is { } ungrounded) return (null, ungrounded);
        if (UnlinkedName(text, ledger, kb) is { } unlinked) return (null, unlinked);

        var order = cited.Distinct().ToList();
        var renumber = order.Select((n, i) => (n, i + 1)).ToDictionary(x => x.n, x => x.Item2);
        var citations = order.Select(n => ledger.Citations[n - 1] with { N = renumber[n] }).ToList();
        var records = order.SelectMany(ledger.RecordsOf).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return (new GroundedText(LlmPhraser.HouseMarkers(text, n => renumber[n]), citations, records), null);
    }

    /// <summary>Why the text names something the functions did not return, or null.</summary>
    internal static string? UnlinkedName(string text, FunctionLedger ledger, KnowledgeBase kb)
    {
        var returned = string.Join('\n', ledger.Texts);
        var returnedTokens = TextNormalizer.Tokens(returned).ToHashSet(StringComparer.Ordinal);
        var bare = Markers().Replace(text, " ");
        // Names the knowledge base knows: each must be a record the functions returned or linked.
        foreach (var mention in kb.Aliases.Find(TextNormalizer.Tokens(bare)).GroupBy(m => (m.TokenStart, m.TokenCount)))
        {
            if (mention.Any(m => ledger.Linked.Contains(m.RecordId))) continue;
            if (mention.Key.TokenCount > 0 && mention.First().Surface.Split(' ').All(returnedTokens.Contains)) continue;
            return $"names '{mention.First().Surface}', which is no record the functions returned";
        }
        // Names it does not know: a capitalised word inside a sentence must be a word of what the functions returned.
        foreach (var sentence in LlmPhraser.Sentences(bare))
            foreach (Match m in Capitalised().Matches(sentence))
                if (m.Index > 0 && !returned.Contains(m.Value, StringComparison.Ordinal))
                    return $"names '{m.Value}', which is in no returned record";
        return null;
    }

    [GeneratedRegex(@"\[[\d\s,;–-]+\]")]
    private static partial Regex Markers();

    [GeneratedRegex(@"(?<![\p{L}\d])\p{Lu}[\p{L}’'-]+")]
    private static partial Regex Capitalised();
}
