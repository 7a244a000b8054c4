namespace BalkanBot.Channels.Slack;

public enum SlackCommandKind { Help, Question, Share, Extension }

/// <summary>What <c>/balkan …</c> asks for: help, a question (private or shared), or an extension subcommand.</summary>
public sealed record ParsedSlackCommand(SlackCommandKind Kind, string Word, string Rest);

public static class SlackCommands
{
    /// <summary>Subcommands that belong to <see cref="ISlackCommandExtension"/> (digests) rather than to questions.</summary>
    public static readonly IReadOnlySet<string> ExtensionWords =
        new HashSet<string>(["subscribe", "unsubscribe", "subscriptions", "digest"], StringComparer.OrdinalIgnoreCase);

    public static ParsedSlackCommand Parse(string? text)
    {
        var t = (text ?? "").Trim();
        var space = t.IndexOfAny([' ', '\t', '\n']);
        var word = (space < 0 ? t : t[..space]).ToLowerInvariant();
        var rest = space < 0 ? "" : t[(space + 1)..].Trim();
        if (t.Length == 0 || word is "help" or "?" && rest.Length == 0) return new(SlackCommandKind.Help, "help", "");
        if (ExtensionWords.Contains(word)) return new(SlackCommandKind.Extension, word, rest);
        if (word == "share") return new(SlackCommandKind.Share, word, rest);
        return new(SlackCommandKind.Question, "", t);
    }
}
