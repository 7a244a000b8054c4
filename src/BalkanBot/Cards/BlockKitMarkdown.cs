using System.Text;

namespace BalkanBot.Cards;

/// <summary>Text for a <c>markdown</c> block: standard Markdown, where our prose must not turn into emphasis or code.</summary>
public static class BlockKitMarkdown
{
    /// <summary>Backslash-escapes the characters that would start emphasis, code or HTML; [n] citation markers stay
    /// as they are, since without a following (url) they are not links.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            if (ch is '*' or '_' or '`' or '~' or '\\' or '<' or '>' or '#' or '|') sb.Append('\\');
            sb.Append(ch);
        }
        return sb.ToString();
    }
}
