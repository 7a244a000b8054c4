using System.Text.RegularExpressions;
using BalkanBot.Routing;

namespace BalkanBot.Answers;

/// <summary>
/// Which questions go to the model with the knowledge functions (when that is on). The deterministic answer is
/// always made first; the model is asked only when that answer is weak in a way it can help with:
/// <list type="bullet">
/// <item>declined: the deterministic path found no sourced answer;</item>
/// <item>multi-part: the message asks two or more questions;</item>
/// <item>contrast: the question compares or contrasts ("compare", "versus", "differ", "whereas") and the
/// deterministic answer has no comparison table.</item>
/// </list>
/// Help, feedback, source lists, digest commands and empty messages never go.
/// </summary>
public static partial class ModelRoute
{
    public const string Declined = "declined";
    public const string MultiPart = "multi-part";
    public const string Contrast = "contrast";

    /// <summary>Why the model should try this question, or null to keep the deterministic answer.</summary>
    public static string? Why(ReadMessage read, Answer deterministic)
    {
        if (read.Parts.Count == 0 || deterministic.Intent is IntentKind.Help or IntentKind.Feedback or IntentKind.Sources or IntentKind.Subscription)
            return null;
        if (!deterministic.Answered) return Declined;
        if (read.Parts.Count >= 2) return MultiPart;
        if (deterministic.Comparison is null && read.Parts.Any(p => ContrastCue().IsMatch(p))) return Contrast;
        return null;
    }

    [GeneratedRegex(@"\b(compare[ds]?|comparison|versus|vs\.?|differ(s|ence|ences|ent)?|contrast(s|ed)?|whereas|unlike)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContrastCue();
}
