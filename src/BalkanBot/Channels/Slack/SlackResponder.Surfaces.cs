using BalkanBot.Cards;

namespace BalkanBot.Channels.Slack;

// The message shortcut, its Share button and the Home tab's buttons: answers that start outside a conversation.
public sealed partial class SlackResponder
{
    public const string NoTextToAsk = "That message has no text I can look up.";

    /// <summary>Privately, in the thread of the message the shortcut was used on; where the bot cannot post (not a
    /// member, or a conversation between other people), in the user's direct message with the bot instead.</summary>
    private async Task AnswerShortcutAsync(SlackShortcutWork w, CancellationToken ct)
    {
        var i = w.Interaction;
        var text = SlackText(i.Message?.Text);
        if (text.Length == 0)
        {
            await EphemeralAsync(i, w.Channel, w.User, new SlackMessage { Text = NoTextToAsk }, ct).ConfigureAwait(false);
            return;
        }
        var answer = await AskAsync("shortcut", text, w.ConversationId, w.User, w.Channel, ct).ConfigureAwait(false);
        var key = cache.Add(answer);
        var thread = i.Message!.ThreadTs ?? i.Message.Ts;
        var posted = await PostAnswerAsync(answer, key, 0, new BlockKitOptions(Share: true),
            m => api.PostEphemeralAsync(m with { Channel = w.Channel, User = w.User, ThreadTs = thread }, ct)).ConfigureAwait(false);
        if (posted is { Ok: true }) return;
        if (await api.OpenDirectMessageAsync(w.User, ct).ConfigureAwait(false) is { } dm)
            await PostAnswerAsync(answer, key, 0, BlockKitOptions.Default, m => api.PostMessageAsync(m with { Channel = dm }, ct)).ConfigureAwait(false);
    }

    /// <summary>Share: the privately shown answer posted for everyone, in the channel (its thread when known), or
    /// through response_url when the bot is not a member there.</summary>
    private async Task ShareAsync(SlackInteraction i, string? channel, Answers.Answer answer, string? key, CancellationToken ct)
    {
        if (channel is not null)
        {
            var thread = i.Container?.ThreadTs ?? i.Message?.ThreadTs;
            var posted = await PostAnswerAsync(answer, key, 0, BlockKitOptions.Default,
                m => api.PostMessageAsync(m with { Channel = channel, ThreadTs = thread }, ct)).ConfigureAwait(false);
            if (posted is { Ok: true }) return;
        }
        if (i.ResponseUrl is not null)
            await PostAnswerAsync(answer, key, 0, BlockKitOptions.Default, m => api.PostToResponseUrlWithResultAsync(i.ResponseUrl,
                m with { ResponseType = SlackMessage.InChannel, ReplaceOriginal = false }, ct)).ConfigureAwait(false);
    }

    /// <summary>An example question from the Home tab is answered in the user's DM with the bot (so follow-ups
    /// continue there); Unsubscribe ends the digest and republishes the tab.</summary>
    private async Task HomeActionAsync(SlackHomeActionWork w, CancellationToken ct)
    {
        if (w.Action.ActionId == BlockKitActions.HomeUnsubscribe)
        {
            await home.UnsubscribeAsync(w.User, w.Action.Value, ct).ConfigureAwait(false);
            await home.PublishAsync(w.User, ct).ConfigureAwait(false);
            return;
        }
        var question = SlackText(w.Action.Value);
        if (question.Length == 0 || await api.OpenDirectMessageAsync(w.User, ct).ConfigureAwait(false) is not { } dm) return;
        var answer = await AskAsync("home", question, dm, w.User, dm, ct).ConfigureAwait(false);
        await PostAnswerAsync(answer, cache.Add(answer), 0, BlockKitOptions.Default, m => api.PostMessageAsync(m with { Channel = dm }, ct))
            .ConfigureAwait(false);
    }

    /// <summary>A message's text as a question: mentions dropped, Slack's entities read back.</summary>
    private static string SlackText(string? text) =>
        SlackInbound.StripMentions(text ?? "").Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&").Trim();
}
