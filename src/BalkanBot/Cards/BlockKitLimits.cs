namespace BalkanBot.Cards;

/// <summary>
/// Slack's Block Kit limits (see shared/PROTOCOLS.md). Slack rejects a message over any of them
/// (<c>invalid_blocks</c>, <c>msg_blocks_too_long</c>), so the renderer keeps below every one.
/// </summary>
public static class BlockKitLimits
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxFields = 10;
    public const int MaxFieldText = 2000;
    public const int MaxHeader = 150;
    public const int MaxActionElements = 25;
    public const int MaxContextElements = 10;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;
    public const int MaxActionId = 255;
    /// <summary>Slack does not publish the cumulative limit exactly; about 12,000 characters of text answers
    /// <c>msg_blocks_too_long</c>, so we count every text, button label and value against it.</summary>
    public const int MaxTotalChars = 12_000;
    /// <summary>The fallback <c>text</c> is for notifications and screen readers; Slack truncates long ones anyway.</summary>
    public const int MaxFallbackText = 3000;
    public const int MaxTableRows = 100;
    public const int MaxTableColumns = 20;
    /// <summary>A Home tab holds up to 100 blocks (a message 50).</summary>
    public const int MaxViewBlocks = 100;

    /// <summary>The characters a block list spends against <see cref="MaxTotalChars"/>.</summary>
    public static int Characters(IEnumerable<SlackBlock> blocks) => blocks.Sum(Characters);

    public static int Characters(SlackBlock block) => block switch
    {
        HeaderBlock h => h.Text.Text.Length,
        SectionBlock s => (s.Text?.Text.Length ?? 0) + (s.Fields?.Sum(f => f.Text.Length) ?? 0) + (s.Accessory is { } b ? b.Text.Text.Length + b.Value.Length : 0),
        ContextBlock c => c.Elements.Sum(e => e.Text.Length),
        ActionsBlock a => a.Elements.Sum(b => b.Text.Text.Length + b.Value.Length),
        TableBlock t => t.Rows.Sum(r => r.Sum(c => c.Text.Length)),
        MarkdownBlock m => m.Text.Length,
        ContextActionsBlock f => f.Elements.Sum(e => e.PositiveButton.Value.Length + e.NegativeButton.Value.Length + e.PositiveButton.Text.Text.Length + e.NegativeButton.Text.Text.Length),
        _ => 0,
    };

    /// <summary>Every limit the blocks break, in words; empty when Slack would accept them.</summary>
    public static IReadOnlyList<string> Violations(IReadOnlyList<SlackBlock> blocks)
    {
        var errors = new List<string>();
        if (blocks.Count > MaxBlocks) errors.Add($"{blocks.Count} blocks > {MaxBlocks}");
        var total = Characters(blocks);
        if (total > MaxTotalChars) errors.Add($"{total} characters > {MaxTotalChars}");
        var actionIds = new HashSet<string>();
        foreach (var b in blocks)
        {
            switch (b)
            {
                case HeaderBlock h when h.Text.Text.Length > MaxHeader || h.Text.Type != "plain_text":
                    errors.Add($"header '{h.Text.Text[..Math.Min(20, h.Text.Text.Length)]}…' breaks the header rules"); break;
                case SectionBlock s:
                    if (s.Text is null && (s.Fields is null || s.Fields.Count == 0)) errors.Add("section without text or fields");
                    if (s.Text?.Text.Length > MaxSectionText) errors.Add($"section text {s.Text.Text.Length} > {MaxSectionText}");
                    if (s.Fields?.Count > MaxFields) errors.Add($"{s.Fields.Count} fields > {MaxFields}");
                    if (s.Fields?.FirstOrDefault(f => f.Text.Length > MaxFieldText) is { } big) errors.Add($"field {big.Text.Length} > {MaxFieldText}");
                    break;
                case TableBlock t:
                    if (t.Rows.Count is 0 or > MaxTableRows) errors.Add($"table with {t.Rows.Count} rows");
                    if (t.Rows.Any(r => r.Count is 0 or > MaxTableColumns)) errors.Add($"table row with 0 or more than {MaxTableColumns} cells");
                    if (t.Rows.Any(r => r.Any(c => c.Text.Length == 0))) errors.Add("empty table cell");
                    if (t.ColumnSettings?.Count > MaxTableColumns) errors.Add($"{t.ColumnSettings.Count} column settings");
                    break;
                case MarkdownBlock m when m.Text.Length is 0 or > MaxTotalChars:
                    errors.Add($"markdown block of {m.Text.Length} characters"); break;
                case ContextActionsBlock f:
                    foreach (var e in f.Elements)
                    {
                        if (e.PositiveButton.Value.Length > MaxButtonValue || e.NegativeButton.Value.Length > MaxButtonValue) errors.Add("feedback value too long");
                        if (!actionIds.Add(e.ActionId)) errors.Add($"action_id '{e.ActionId}' repeated");
                    }
                    break;
                case ContextBlock c when c.Elements.Count is 0 or > MaxContextElements:
                    errors.Add($"context with {c.Elements.Count} elements"); break;
                case ActionsBlock a:
                    if (a.Elements.Count is 0 or > MaxActionElements) errors.Add($"actions with {a.Elements.Count} elements");
                    foreach (var e in a.Elements)
                    {
                        if (e.Text.Text.Length > MaxButtonText) errors.Add($"button text {e.Text.Text.Length} > {MaxButtonText}");
                        if (e.Value.Length > MaxButtonValue) errors.Add($"button value {e.Value.Length} > {MaxButtonValue}");
                        if (e.ActionId.Length > MaxActionId || !actionIds.Add(e.ActionId)) errors.Add($"action_id '{e.ActionId}' too long or repeated");
                    }
                    break;
            }
        }
        return errors;
    }
}
