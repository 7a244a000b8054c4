using System.Text;

namespace BalkanBot.Cards;

/// <summary>Slack mrkdwn escaping and length-safe truncation.</summary>
public static class BlockKitText
{
    /// <summary>Slack reads <c>&lt;</c> as the start of a link or mention and <c>&amp;</c> as an entity, so these
    /// three must be entities in any text we did not write as markup ourselves.</summary>
    public static string Escape(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Cuts escaped mrkdwn to <paramref name="max"/> characters, ending in "…", never inside an entity
    /// such as <c>&amp;amp;</c> or a surrogate pair.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = Math.Max(0, max - 1);
        var amp = text.LastIndexOf('&', Math.Max(0, cut - 1), Math.Min(cut, 6));
        if (amp >= 0 && text.IndexOf(';', amp) is var semi && (semi < 0 || semi >= cut)) cut = amp;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut] + "…";
    }

    /// <summary>Plain text (headers, buttons) needs no escaping, only the length limit.</summary>
    public static string TruncatePlain(string? text, int max)
    {
        var t = (text ?? "").Trim();
        if (t.Length <= max) return t;
        var cut = max - 1;
        if (char.IsHighSurrogate(t[cut - 1])) cut--;
        return t[..cut] + "…";
    }

    /// <summary>"[1][2]" citation markers, as in the text renderer.</summary>
    public static string Refs(IReadOnlyList<int> numbers) => numbers.Count == 0 ? "" : " " + TextRenderer.Refs(numbers);

    /// <summary>A numbered source as <c>&lt;url|title&gt;</c>; URLs Slack could misread stay plain text.</summary>
    public static string Link(string? url, string title)
    {
        var label = Escape(title).Replace("|", "¦");
        if (!IsSafeUrl(url)) return label;
        return $"<{url!.Replace("&", "&amp;")}|{label}>";
    }

    private static bool IsSafeUrl(string? url) =>
        url is not null && url.Length <= 1000
        && Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)
        && url.IndexOfAny(['|', '<', '>', ' ', '\n', '\r', '\t']) < 0;

    /// <summary>Packs lines into texts of at most <paramref name="max"/> characters; an over-long line is cut.</summary>
    public static IEnumerable<string> Pack(IEnumerable<string> lines, int max)
    {
        var sb = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = Truncate(raw, max);
            if (sb.Length > 0 && sb.Length + 1 + line.Length > max)
            {
                yield return sb.ToString();
                sb.Clear();
            }
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(line);
        }
        if (sb.Length > 0) yield return sb.ToString();
    }
}
