using BalkanBot.Answers;
using static BalkanBot.Cards.BlockKitLimits;

namespace BalkanBot.Cards;

/// <summary>
/// Answer → Slack Block Kit, from the same Answer the Teams card and the text renderer use. A pure function: the
/// answer's parts become body blocks, and a page takes as many as fit Slack's limits; when some are left over,
/// a "More" button carries where the next page starts.
/// </summary>
public static partial class BlockKitRenderer
{
    public const int MaxFollowUps = 5;
    private const string Continued = " (continued)";

    /// <param name="answerKey">Key under which the caller keeps the answer, so buttons can find it again.</param>
    /// <param name="start">Index of the first body block: 0 for the answer, a "More" button's value for later pages.</param>
    /// <param name="options">Table or section-fields comparisons, and whether a Share button goes under the answer.</param>
    public static BlockKitMessage Render(Answer answer, string? answerKey = null, int start = 0, BlockKitOptions? options = null)
    {
        options ??= BlockKitOptions.Default;
        var body = Body(answer, options.Tables);
        start = Math.Clamp(start, 0, Math.Max(0, body.Count - 1));
        var title = string.IsNullOrWhiteSpace(answer.Title) ? "BalkanBot" : answer.Title;
        var header = new HeaderBlock(SlackText.Plain(start == 0
            ? BlockKitText.TruncatePlain(title, MaxHeader)
            : BlockKitText.TruncatePlain(title, MaxHeader - Continued.Length) + Continued));

        // Budget with the "More" button in place, so adding it afterwards cannot push the page over a limit.
        var worstActions = Actions(answer, answerKey, next: 9999, options.Share);
        var charBudget = MaxTotalChars - Characters(header) - Characters(worstActions);
        var blockBudget = MaxBlocks - 1 - worstActions.Count;
        int take = 0, used = 0;
        for (var i = start; i < body.Count; i++)
        {
            var c = Characters(body[i]);
            // A page always shows at least one block; body blocks are small enough (≤ ~3000) that it fits.
            if (take > 0 && (take >= blockBudget || used + c > charBudget)) break;
            take++;
            used += c;
        }
        int? next = start + take < body.Count ? start + take : null;
        List<SlackBlock> blocks = [header, .. body.Skip(start).Take(take), .. Actions(answer, answerKey, next, options.Share)];
        return new BlockKitMessage(Fallback(answer), blocks, next);
    }

    /// <summary>The plain <c>text</c> Slack shows in notifications and reads to screen readers.</summary>
    public static string Fallback(Answer answer) =>
        BlockKitText.Truncate(BlockKitText.Escape(TextRenderer.Render(answer).TrimEnd()), MaxFallbackText);

    private static List<SlackBlock> Actions(Answer answer, string? key, int? next, bool share)
    {
        var blocks = new List<SlackBlock>();
        var followUps = answer.FollowUps.Where(f => !string.IsNullOrWhiteSpace(f)).Distinct().Take(MaxFollowUps)
            .Select((f, i) => new SlackButton(SlackText.Plain(BlockKitText.TruncatePlain(f, MaxButtonText)),
                BlockKitActions.FollowUpPrefix + i, Cap(f)))
            .ToList();
        if (followUps.Count > 0) blocks.Add(new ActionsBlock(followUps) { BlockId = "balkan_followups" });

        var question = Cap(answer.Question);
        var value = BlockKitActions.Encode(new BlockKitActionValue(key, question));
        var controls = new List<SlackButton>();
        if (next is { } n)
            controls.Add(new SlackButton(SlackText.Plain("More"), BlockKitActions.More,
                BlockKitActions.Encode(new BlockKitActionValue(key, question, n)))
            { Style = "primary" });
        if (share) controls.Add(new SlackButton(SlackText.Plain("Share in channel"), BlockKitActions.Share, value));
        if (answer.OffersSources())
            controls.Add(new SlackButton(SlackText.Plain("Show sources"), BlockKitActions.Sources, value));
        if (controls.Count > 0) blocks.Add(new ActionsBlock(controls) { BlockId = BlockKitActions.BlockId });
        if (answer.InvitesFeedback())
        {
            blocks.Add(new ContextActionsBlock([new FeedbackButtons(BlockKitActions.Feedback,
                new FeedbackButton(SlackText.Plain("Helpful"), BlockKitActions.Encode(new BlockKitActionValue(key, question, Rating: "up")))
                { AccessibilityLabel = "Mark this answer as helpful" },
                new FeedbackButton(SlackText.Plain("Not helpful"), BlockKitActions.Encode(new BlockKitActionValue(key, question, Rating: "down")))
                { AccessibilityLabel = "Mark this answer as not helpful" })])
            { BlockId = "balkan_feedback" });
        }
        return blocks;
    }

    private static string Cap(string question) =>
        question.Length <= Answer.MaxQuestionLength ? question : question[..Answer.MaxQuestionLength];
}

/// <summary>How an answer is laid out for one post: comparisons as a <c>table</c> block (or as section fields, for
/// workspaces that refuse tables with <c>invalid_blocks</c>), and a Share button for privately shown answers.</summary>
public sealed record BlockKitOptions(bool Tables = true, bool Share = false)
{
    public static BlockKitOptions Default { get; } = new();
}
