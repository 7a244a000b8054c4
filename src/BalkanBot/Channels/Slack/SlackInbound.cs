using System.Text.RegularExpressions;
using BalkanBot.Cards;
using BalkanBot.Diagnostics;
using Microsoft.Extensions.Options;

namespace BalkanBot.Channels.Slack;

public enum SlackOutcome { Accepted, Challenge, Ignored, Duplicate, Invalid, Busy }

/// <summary>What the transport (HTTP or Socket Mode) should tell Slack: a status, a challenge, a reply or a problem.</summary>
public sealed record SlackInboundResult(SlackOutcome Outcome, string? Detail = null, SlackMessage? Reply = null);

/// <summary>
/// The front door shared by the HTTP endpoints and Socket Mode: decides within Slack's 3 s what a request is,
/// answers what can be answered at once (challenges, help) and queues the rest on <see cref="SlackWorkQueue"/>.
/// </summary>
public sealed partial class SlackInbound(ISlackEventDeduper dedupe, SlackWorkQueue queue, SlackHelp help,
    IOptionsMonitor<SlackOptions> options, ILogger<SlackInbound> log, ISlackCommandExtension? extension = null)
{
    public const string LookingUp = "Looking that up…";
    public const string BusyText = "BalkanBot is busy right now; please try again in a minute.";

    public async Task<SlackInboundResult> HandleEventAsync(SlackEventEnvelope envelope, string? retryNum = null, CancellationToken ct = default)
    {
        switch (envelope.Type)
        {
            case "url_verification":
                return string.IsNullOrEmpty(envelope.Challenge) ? Invalid("challenge is missing") : new(SlackOutcome.Challenge, envelope.Challenge);
            case "event_callback":
                break;
            case null:
                return Invalid("type is missing");
            default:
                Log.SlackEventIgnored(log, envelope.Type, null);
                return new(SlackOutcome.Ignored);
        }
        if (string.IsNullOrEmpty(envelope.EventId) || envelope.Event is null) return Invalid("event_id or event is missing");
        var work = ToSurfaceWork(envelope.Event) ?? ToWork(envelope.EventId, envelope.Event);
        if (work is null)
        {
            Log.SlackEventIgnored(log, envelope.Event.Type, envelope.Event.Subtype);
            return new(SlackOutcome.Ignored);
        }
        if (!await dedupe.TryClaimAsync(envelope.EventId, ct).ConfigureAwait(false))
        {
            Log.SlackEventDuplicate(log, envelope.EventId, retryNum);
            return new(SlackOutcome.Duplicate);
        }
        if (queue.TryEnqueue(work)) return new(SlackOutcome.Accepted);
        await dedupe.ReleaseAsync(envelope.EventId, ct).ConfigureAwait(false);
        return new(SlackOutcome.Busy);
    }

    /// <summary>@mentions anywhere and direct messages from people; not bots (ourselves included), edits or joins.</summary>
    internal static SlackEventWork? ToWork(string eventId, SlackEvent e)
    {
        if (e.BotId is not null || e.Subtype is not null || string.IsNullOrEmpty(e.User) || string.IsNullOrEmpty(e.Channel) || string.IsNullOrEmpty(e.Ts))
            return null;
        var text = Mention().Replace(e.Text ?? "", " ").Trim();
        return e.Type switch
        {
            "app_mention" => new SlackEventWork(eventId, e.Channel, e.ThreadTs ?? e.Ts, e.User, text, $"{e.Channel}:{e.ThreadTs ?? e.Ts}"),
            // In a direct message the conversation is the DM itself; a reply goes in a thread only if the question was in one.
            "message" when e.ChannelType == "im" =>
                new SlackEventWork(eventId, e.Channel, e.ThreadTs, e.User, text, e.ThreadTs is null ? e.Channel : $"{e.Channel}:{e.ThreadTs}"),
            _ => null,
        };
    }

    /// <summary>The assistant pane opening a thread, and the Home tab being opened. A thread's context changing needs
    /// nothing from us (the answer does not depend on where the user is looking), so it is acknowledged and dropped.</summary>
    internal static SlackWork? ToSurfaceWork(SlackEvent e) => e.Type switch
    {
        "assistant_thread_started" when e.AssistantThread is { ChannelId: { Length: > 0 } c, ThreadTs: { Length: > 0 } t, UserId: { Length: > 0 } u }
            && SlackIds.IsId(c) && SlackIds.IsId(u) => new SlackAssistantStartWork(c, t, u),
        "app_home_opened" when e.Tab == "home" && SlackIds.IsId(e.User) => new SlackHomeWork(e.User!),
        _ => null,
    };

    public SlackInboundResult HandleCommand(SlackCommand command)
    {
        if (string.IsNullOrEmpty(command.UserId) || string.IsNullOrEmpty(command.ChannelId)) return Invalid("user_id or channel_id is missing");
        var parsed = SlackCommands.Parse(command.Text);
        var conversation = $"{command.ChannelId}:{command.UserId}";
        if (parsed.Kind == SlackCommandKind.Help) return Reply(help.Message(command.Command ?? "/balkan"));
        if (parsed.Kind == SlackCommandKind.Extension && extension is null)
            return Reply(new SlackMessage { Text = "Digests are not enabled on this BalkanBot. Ask the bot's administrator to turn them on." });
        if (parsed.Kind == SlackCommandKind.Share && parsed.Rest.Length == 0)
            return Reply(new SlackMessage { Text = $"Add a question after share, for example `{command.Command ?? "/balkan"} share What is CEFTA?`" });
        if (!IsUsableResponseUrl(command.ResponseUrl)) return Invalid("response_url is missing or not a Slack URL");

        SlackWork work = parsed.Kind == SlackCommandKind.Extension
            ? new SlackExtensionWork(command, parsed.Word, parsed.Rest, conversation)
            : new SlackCommandWork(command, parsed.Rest, parsed.Kind == SlackCommandKind.Share, conversation);
        if (!queue.TryEnqueue(work)) return Reply(new SlackMessage { Text = BusyText });
        return Reply(new SlackMessage { Text = parsed.Kind == SlackCommandKind.Extension ? "Working on it…" : LookingUp });
    }

    public SlackInboundResult HandleInteraction(SlackInteraction interaction)
    {
        if (interaction.Type == "message_action") return HandleShortcut(interaction);
        var action = interaction.Actions?.FirstOrDefault(a => a is not null && BlockKitActions.IsOurs(a.ActionId));
        if (interaction.Type != "block_actions" || action is null)
        {
            Log.SlackInteractionIgnored(log, interaction.Type);
            return new(SlackOutcome.Ignored);
        }
        var user = interaction.User?.Id;
        var channel = interaction.Channel?.Id ?? interaction.Container?.ChannelId;
        if (string.IsNullOrEmpty(user)) return Invalid("user is missing");
        // The Home tab has neither channel nor response_url: the answer goes to the user's DM, the view is republished.
        if (BlockKitActions.IsHome(action.ActionId))
        {
            if (!SlackIds.IsId(user)) return Invalid("user is not a Slack id");
            return queue.TryEnqueue(new SlackHomeActionWork(user, action, "home:" + user)) ? new(SlackOutcome.Accepted) : new(SlackOutcome.Busy);
        }
        if (interaction.ResponseUrl is not null && !IsUsableResponseUrl(interaction.ResponseUrl)) return Invalid("response_url is not a Slack URL");
        if (interaction.ResponseUrl is null && string.IsNullOrEmpty(channel)) return Invalid("neither response_url nor channel is given");

        return queue.TryEnqueue(new SlackActionWork(interaction, action, ConversationOf(interaction, channel, user)))
            ? new(SlackOutcome.Accepted)
            : new(SlackOutcome.Busy);
    }

    /// <summary>"Ask BalkanBot about this" on a message: acknowledged at once, answered privately beside that message.</summary>
    private SlackInboundResult HandleShortcut(SlackInteraction i)
    {
        if (i.CallbackId != SlackShortcuts.AskCallbackId)
        {
            Log.SlackInteractionIgnored(log, i.Type);
            return new(SlackOutcome.Ignored);
        }
        var user = i.User?.Id;
        var channel = i.Channel?.Id;
        if (!SlackIds.IsId(user) || !SlackIds.IsId(channel)) return Invalid("user or channel is missing");
        if (i.Message is null || string.IsNullOrEmpty(i.Message.Ts)) return Invalid("message is missing");
        if (i.ResponseUrl is not null && !IsUsableResponseUrl(i.ResponseUrl)) return Invalid("response_url is not a Slack URL");
        return queue.TryEnqueue(new SlackShortcutWork(i, user!, channel!, $"{channel}:{user}")) ? new(SlackOutcome.Accepted) : new(SlackOutcome.Busy);
    }

    /// <summary>The same conversation key the question behind the clicked message was asked under, so a follow-up
    /// button leans on the right previous answer.</summary>
    internal static string ConversationOf(SlackInteraction i, string? channel, string user)
    {
        var thread = i.Message?.ThreadTs ?? i.Container?.ThreadTs;
        if (i.Container?.IsEphemeral == true || i.Message is null) return $"{channel}:{user}";
        if (thread is not null) return $"{channel}:{thread}";
        return channel is not null && channel.StartsWith('D') ? channel : $"{channel}:{i.Message.Ts}";
    }

    private bool IsUsableResponseUrl(string? url)
    {
        if (string.IsNullOrEmpty(url)) return false;
        if (SlackApiClient.IsSlackUrl(url, options.CurrentValue)) return true;
        Log.SlackResponseUrlRejected(log, Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : "(not a URL)");
        return false;
    }

    private static SlackInboundResult Reply(SlackMessage message) =>
        new(SlackOutcome.Accepted, Reply: message with { ResponseType = message.ResponseType ?? SlackMessage.Ephemeral });

    private static SlackInboundResult Invalid(string why) => new(SlackOutcome.Invalid, why);

    internal static string StripMentions(string text) => Mention().Replace(text, " ");

    [GeneratedRegex(@"<@[UW][A-Z0-9]+(\|[^>]*)?>")]
    private static partial Regex Mention();
}
