using BalkanBot.Answers;
using BalkanBot.Cards;
using BalkanBot.Channels;
using BalkanBot.Channels.Slack;

namespace BalkanBot.Digests;

/// <summary>
/// <c>/balkan subscribe|unsubscribe|subscriptions|digest …</c>: the Slack channel's extension point. The reply goes
/// to the command's response_url as an ephemeral message, so only the person who typed it sees the confirmation.
/// </summary>
public sealed class SlackDigestCommands(SubscriptionService service) : ISlackCommandExtension
{
    public async Task<SlackReply> HandleAsync(SlackCommand command, string subcommand, string arguments, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.ChannelId))
            return new SlackReply("Slack did not say which channel this came from, so there is nowhere to deliver digests.");
        var verb = SubscriptionService.Verb(subcommand) ?? "help";
        var conversation = new DigestConversation(ChannelKeys.Slack, new ConversationReference(ChannelKeys.Slack, command.ChannelId, TenantId: command.TeamId), command.UserId);
        var answer = await service.ExecuteAsync(verb, arguments, conversation, $"/balkan {subcommand} {arguments}".Trim(), cancellationToken)
            .ConfigureAwait(false);
        return Render(answer);
    }

    /// <summary>
    /// A confirmation is a header, its text and its facts; a preview adds the timeline. No feedback or "sources"
    /// buttons: those look the answer up by question, and a command is not a question.
    /// </summary>
    internal static SlackReply Render(Answer a)
    {
        var blocks = new List<SlackBlock> { new HeaderBlock(SlackText.Plain(BlockKitText.TruncatePlain(a.Title, BlockKitLimits.MaxHeader))) };
        if (a.Note is not null) blocks.Add(new ContextBlock([SlackText.Mrkdwn(BlockKitText.Truncate(BlockKitText.Escape(a.Note), 2000))]));
        blocks.Add(Section(BlockKitText.Escape(a.Text)));
        var lines = a.Facts.Select(f => $"*{BlockKitText.Escape(f.Label)}*: {BlockKitText.Escape(f.Value)}{BlockKitText.Refs(f.Citations)}")
            .Concat(a.Timeline.Select(t => $"*{BlockKitText.Escape(t.Date)}* · {BlockKitText.Escape(t.Event)}{BlockKitText.Refs(t.Citations)}"))
            .Concat(a.Citations.Take(20).Select(c => $"[{c.N}] {BlockKitText.Link(c.Url, c.Label)}, {BlockKitText.Escape(c.Locator)}"));
        foreach (var text in BlockKitText.Pack(lines, BlockKitLimits.MaxSectionText)) blocks.Add(Section(text));
        while (BlockKitLimits.Violations(blocks).Count > 0 && blocks.Count > 2) blocks.RemoveAt(blocks.Count - 1);
        return new SlackReply(BlockKitText.Truncate(BlockKitText.Escape($"{a.Title}: {a.Text}"), BlockKitLimits.MaxFallbackText), blocks);
    }

    private static SectionBlock Section(string mrkdwn) =>
        new() { Text = SlackText.Mrkdwn(BlockKitText.Truncate(mrkdwn, BlockKitLimits.MaxSectionText)) };
}
