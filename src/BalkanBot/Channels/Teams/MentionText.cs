using System.Net;
using System.Text.RegularExpressions;

namespace BalkanBot.Channels.Teams;

/// <summary>
/// In channels and group chats Teams prefixes the message with "&lt;at&gt;BalkanBot&lt;/at&gt;" and adds a mention entity.
/// The router must see only the question, so the bot's own mention goes (text and entity); mentions of other people
/// keep their name without the tags.
/// </summary>
public static partial class MentionText
{
    public static string Strip(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        if (activity.Entities is { Count: > 0 } entities)
        {
            // Entities come off the wire: any element may be null even after tolerant parsing (an Activity built in code).
            var ours = entities.Where(e => e is not null && string.Equals(e.Type, "mention", StringComparison.OrdinalIgnoreCase)
                                           && botId is not null && e.Mentioned?.Id == botId).ToList();
            foreach (var e in ours)
            {
                if (!string.IsNullOrEmpty(e.Text)) text = text.Replace(e.Text, " ", StringComparison.OrdinalIgnoreCase);
                entities.Remove(e);
            }
        }
        // A mention of the bot by name without an entity (some clients) still should not reach the router.
        if (activity.Recipient?.Name is { Length: > 0 } name)
            text = text.Replace($"<at>{name}</at>", " ", StringComparison.OrdinalIgnoreCase);
        text = AtTag().Replace(text, "$1");
        // Teams pads mentions with &nbsp; and escapes the rest of a plain-text message as HTML.
        text = WebUtility.HtmlDecode(text).Replace('\u00A0', ' ');
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex("<at[^>]*>(.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
