using System.Diagnostics;
using BalkanBot.Answers;
using BalkanBot.Cards;
using BalkanBot.Diagnostics;
using BalkanBot.Storage;

namespace BalkanBot.Channels.Slack;

/// <summary>
/// Does the queued work: asks the engine, renders Block Kit and posts it where the question came from (the
/// mention's thread, the DM, the command's response_url, or beside the clicked message).
/// </summary>
public sealed partial class SlackResponder(AnswerEngine engine, SlackApiClient api, SlackAnswerCache cache, IAppStore store,
    IConversationStore conversations, SlackAssistantThreads assistant, SlackHomeTab home, TimeProvider clock, ILogger<SlackResponder> log,
    ISlackCommandExtension? extension = null)
{
    // Set once Slack refuses a table block (older workspaces): from then on comparisons go out as section fields.
    private volatile bool _tablesRefused;

    /// <summary>Does the work; when it fails, says so to the person who asked (and logs it) rather than going quiet.</summary>
    public async Task HandleAsync(SlackWork work, CancellationToken ct)
    {
        try
        {
            await (work switch
            {
                SlackEventWork e => AnswerEventAsync(e, ct),
                SlackCommandWork c => AnswerCommandAsync(c, ct),
                SlackExtensionWork x => RunExtensionAsync(x, ct),
                SlackActionWork a => ActAsync(a, ct),
                SlackAssistantStartWork s => assistant.StartAsync(s, ct),
                SlackHomeWork h => home.PublishAsync(h.User, ct),
                SlackHomeActionWork h => HomeActionAsync(h, ct),
                SlackShortcutWork s => AnswerShortcutAsync(s, ct),
                _ => Task.CompletedTask,
            }).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            Log.SlackWorkFailed(log, ex, work.GetType().Name, ex.Message);
            await ApologiseAsync(work, FailureText(work, ex), ct).ConfigureAwait(false);
        }
    }

    internal static string FailureText(SlackWork work, Exception ex) => work switch
    {
        SlackExtensionWork { Subcommand: "subscribe" } => "I could not save that subscription; please try again.",
        SlackExtensionWork { Subcommand: "unsubscribe" } => "I could not remove that subscription; please try again.",
        SlackExtensionWork => "I could not do that just now; please try again.",
        _ when StoreFailure.Is(ex) => "I could not save that; please try again.",
        _ => "I could not answer that just now; please try again.",
    };

    private async Task ApologiseAsync(SlackWork work, string text, CancellationToken ct)
    {
        var message = new SlackMessage { Text = text };
        switch (work)
        {
            case SlackEventWork e:
                await api.PostMessageAsync(message with { Channel = e.Channel, ThreadTs = e.ThreadTs }, ct).ConfigureAwait(false);
                break;
            case SlackCommandWork { Command.ResponseUrl: { } url }:
                await api.PostToResponseUrlAsync(url, message with { ResponseType = SlackMessage.Ephemeral, ReplaceOriginal = false }, ct).ConfigureAwait(false);
                break;
            case SlackExtensionWork { Command.ResponseUrl: { } url }:
                await api.PostToResponseUrlAsync(url, message with { ResponseType = SlackMessage.Ephemeral, ReplaceOriginal = false }, ct).ConfigureAwait(false);
                break;
            case SlackActionWork { Interaction: var i } when i.User?.Id is { } user:
                await EphemeralAsync(i, i.Channel?.Id ?? i.Container?.ChannelId, user, message, ct).ConfigureAwait(false);
                break;
            case SlackShortcutWork s:
                await EphemeralAsync(s.Interaction, s.Channel, s.User, message, ct).ConfigureAwait(false);
                break;
        }
    }

    private async Task AnswerEventAsync(SlackEventWork w, CancellationToken ct)
    {
        // A thread in a direct message is an assistant thread (or reads like one): status while looking, title from the first question.
        var inAssistantThread = w.ThreadTs is not null && w.Channel.StartsWith('D');
        if (inAssistantThread) await assistant.BeginAnswerAsync(w, ct).ConfigureAwait(false);
        var answer = await AskAsync("event", w.Text, w.ConversationId, w.User, w.Channel, ct).ConfigureAwait(false);
        var posted = await PostAnswerAsync(answer, cache.Add(answer), 0, BlockKitOptions.Default,
            m => api.PostMessageAsync(m with { Channel = w.Channel, ThreadTs = w.ThreadTs }, ct)).ConfigureAwait(false);
        // The reply clears the status; when there is no reply, clear it ourselves rather than leave "looking up" showing.
        if (inAssistantThread && posted is not { Ok: true }) await assistant.ClearStatusAsync(w.Channel, w.ThreadTs!, ct).ConfigureAwait(false);
    }

    private async Task AnswerCommandAsync(SlackCommandWork w, CancellationToken ct)
    {
        var c = w.Command;
        var answer = await AskAsync("command", w.Question, w.ConversationId, c.UserId, c.ChannelId, ct).ConfigureAwait(false);
        await PostAnswerAsync(answer, cache.Add(answer), 0, BlockKitOptions.Default, m => api.PostToResponseUrlWithResultAsync(c.ResponseUrl!, m with
        {
            ResponseType = w.Share ? SlackMessage.InChannel : SlackMessage.Ephemeral,
            ReplaceOriginal = false,
        }, ct)).ConfigureAwait(false);
    }

    /// <summary>
    /// Renders and sends an answer; when Slack refuses the table block (invalid_blocks), sends it again with the
    /// comparison as section fields and remembers to skip tables from then on.
    /// </summary>
    internal async Task<SlackApiResult?> PostAnswerAsync(Answer answer, string? key, int start, BlockKitOptions options,
        Func<SlackMessage, Task<SlackApiResult?>> send)
    {
        var o = options with { Tables = options.Tables && !_tablesRefused };
        var result = await send(SlackMessage.From(BlockKitRenderer.Render(answer, key, start, o))).ConfigureAwait(false);
        if (result is { Ok: false, Error: SlackApiClient.InvalidBlocks } && o.Tables && answer.Comparison is not null)
        {
            _tablesRefused = true;
            Log.SlackTablesRefused(log);
            result = await send(SlackMessage.From(BlockKitRenderer.Render(answer, key, start, o with { Tables = false }))).ConfigureAwait(false);
        }
        return result;
    }

    private async Task RunExtensionAsync(SlackExtensionWork w, CancellationToken ct)
    {
        if (extension is null) return;
        var reply = await extension.HandleAsync(w.Command, w.Subcommand, w.Arguments, ct).ConfigureAwait(false);
        await api.PostToResponseUrlAsync(w.Command.ResponseUrl!, new SlackMessage
        {
            Text = reply.Text,
            Blocks = reply.Blocks,
            ReplaceOriginal = false,
            ResponseType = reply.InChannel ? SlackMessage.InChannel : SlackMessage.Ephemeral,
        }, ct).ConfigureAwait(false);
    }

    private async Task ActAsync(SlackActionWork w, CancellationToken ct)
    {
        var i = w.Interaction;
        var user = i.User!.Id!;
        var channel = i.Channel?.Id ?? i.Container?.ChannelId;
        var id = w.Action.ActionId!;
        if (id.StartsWith(BlockKitActions.FollowUpPrefix, StringComparison.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(w.Action.Value)) return;
            var answer = await AskAsync("follow-up", w.Action.Value, w.ConversationId, user, channel, ct).ConfigureAwait(false);
            await ReplyAsync(i, channel, answer, cache.Add(answer), 0, ct).ConfigureAwait(false);
            return;
        }
        if (BlockKitActions.Decode(w.Action.Value) is not { } value) return;
        switch (id)
        {
            case BlockKitActions.More:
                var whole = cache.Get(value.Key) ?? await AskAsync("more", value.Question, Fresh(), user, channel, ct).ConfigureAwait(false);
                await ReplyAsync(i, channel, whole, value.Key, value.Start ?? 0, ct).ConfigureAwait(false);
                break;
            case BlockKitActions.Sources:
                var shown = cache.Get(value.Key) ?? await AskAsync("sources", value.Question, Fresh(), user, channel, ct).ConfigureAwait(false);
                var sources = SourcesOf(shown);
                await ReplyAsync(i, channel, sources, cache.Add(sources), 0, ct).ConfigureAwait(false);
                break;
            case BlockKitActions.Share:
                var toShare = cache.Get(value.Key) ?? await AskAsync("share", value.Question, Fresh(), user, channel, ct).ConfigureAwait(false);
                await ShareAsync(i, channel, toShare, value.Key, ct).ConfigureAwait(false);
                break;
            // Older messages carry the two plain buttons; newer ones the native feedback_buttons, whose value holds the rating.
            case BlockKitActions.FeedbackUp or BlockKitActions.FeedbackDown or BlockKitActions.Feedback:
                var rating = id == BlockKitActions.Feedback ? value.Rating : id == BlockKitActions.FeedbackUp ? "up" : "down";
                if (rating is not ("up" or "down")) return;
                await store.AddFeedbackAsync(new Feedback(ChannelKeys.Slack, w.ConversationId, user, value.Question, rating, null, clock.GetUtcNow()), ct)
                    .ConfigureAwait(false);
                Log.SlackFeedbackStored(log, rating);
                var thanks = rating == "up" ? "Thanks, your 👍 was recorded." : "Thanks, your 👎 was recorded; the maintainers will look at this answer.";
                await EphemeralAsync(i, channel, user, new SlackMessage { Text = thanks }, ct).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>The engine's own "show sources" answer for the answer on screen, which need not be the
    /// conversation's latest: it is handed to the engine as the previous answer of a one-off conversation.</summary>
    private Answer SourcesOf(Answer shown)
    {
        var conversation = Fresh();
        conversations.Put(ChannelKeys.Slack, conversation, new ConversationState(shown, [], null, null, clock.GetUtcNow()));
        return engine.Answer(new Question("show sources", ChannelKeys.Slack, conversation));
    }

    private static string Fresh() => "oneoff:" + Guid.NewGuid().ToString("N");

    private async Task<Answer> AskAsync(string kind, string text, string conversation, string? user, string? channel, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var reference = channel is null ? null : new ConversationReference(ChannelKeys.Slack, channel);
        var answer = await engine.AnswerAsync(new Question(string.IsNullOrWhiteSpace(text) ? "help" : text, ChannelKeys.Slack, conversation, user, reference), ct)
            .ConfigureAwait(false);
        Log.SlackAnswered(log, kind, answer.Intent.ToString(), answer.Answered, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return answer;
    }

    /// <summary>Beside the clicked message: in its thread when it is a channel message, through response_url when
    /// only the user could see it.</summary>
    private async Task ReplyAsync(SlackInteraction i, string? channel, Answer answer, string? key, int start, CancellationToken ct)
    {
        // Under a privately shown answer (a message shortcut's), the next answer is private too and keeps its Share button.
        var options = new BlockKitOptions(Share: i.Container?.IsEphemeral == true);
        if (i.Container?.IsEphemeral != true && i.Message is not null && channel is not null)
        {
            var thread = i.Message.ThreadTs ?? (channel.StartsWith('D') ? null : i.Message.Ts);
            var posted = await PostAnswerAsync(answer, key, start, options, m => api.PostMessageAsync(m with { Channel = channel, ThreadTs = thread }, ct))
                .ConfigureAwait(false);
            // A /balkan share answer can sit in a channel the bot is not a member of (not_in_channel): answer privately instead.
            if (posted is { Ok: true } || i.ResponseUrl is null) return;
        }
        if (i.ResponseUrl is not null)
        {
            await PostAnswerAsync(answer, key, start, options, m => api.PostToResponseUrlWithResultAsync(i.ResponseUrl,
                m with { ResponseType = SlackMessage.Ephemeral, ReplaceOriginal = false }, ct)).ConfigureAwait(false);
        }
    }

    private async Task EphemeralAsync(SlackInteraction i, string? channel, string user, SlackMessage message, CancellationToken ct)
    {
        if (i.ResponseUrl is not null)
            await api.PostToResponseUrlAsync(i.ResponseUrl, message with { ResponseType = SlackMessage.Ephemeral, ReplaceOriginal = false }, ct)
                .ConfigureAwait(false);
        else if (channel is not null)
            await api.PostEphemeralAsync(message with { Channel = channel, User = user }, ct).ConfigureAwait(false);
    }
}
