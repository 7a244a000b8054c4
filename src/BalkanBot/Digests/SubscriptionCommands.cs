using BalkanBot.Answers;
using BalkanBot.Channels;
using BalkanBot.Knowledge;

namespace BalkanBot.Digests;

/// <summary>
/// "subscribe weekly Kosovo" and friends typed in a conversation (Teams, or a Slack DM), reached through the
/// router's Subscription intent. The channel hands over the conversation reference on the Question.
/// </summary>
public sealed class SubscriptionCommands(SubscriptionService service) : ISubscriptionCommands
{
    public Task<Answer> HandleAsync(Question question, string command, CancellationToken cancellationToken)
    {
        var verb = SubscriptionService.Verb(command) ?? "help";
        // The channel's own key first ("teams" for every Bot Framework channel); the Bot Framework channel id as a fallback.
        var channel = ChannelKeys.Normalize(question.Channel);
        if (!SubscriptionService.Channels.Contains(channel) && question.Reference is { } r) channel = ChannelKeys.Normalize(r.ChannelId);
        var reference = question.Reference ?? new ConversationReference(channel, question.ConversationId);
        var conversation = new DigestConversation(channel, reference, question.UserId);
        return service.ExecuteAsync(verb, ArgumentsAfter(question.Text, command), conversation, question.Text, cancellationToken);
    }

    /// <summary>The words after the command: "please subscribe daily Kosovo" → "daily kosovo" (normalised, as linking wants).</summary>
    internal static string ArgumentsAfter(string text, string command)
    {
        var tokens = TextNormalizer.Tokens(text);
        var words = TextNormalizer.Tokens(command);
        for (var i = 0; i + words.Length <= tokens.Length; i++)
            if (words.Length > 0 && tokens.AsSpan(i, words.Length).SequenceEqual(words))
                return string.Join(' ', tokens[(i + words.Length)..]);
        return "";
    }
}
