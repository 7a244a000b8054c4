using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace BalkanBot.Channels.Slack;

/// <summary>Something to answer after Slack has had its 200.</summary>
public abstract record SlackWork(string ConversationId);

/// <summary>An @mention or a direct message; the answer goes to <paramref name="Channel"/>, in <paramref name="ThreadTs"/> when set.</summary>
public sealed record SlackEventWork(string EventId, string Channel, string? ThreadTs, string User, string Text, string ConversationId)
    : SlackWork(ConversationId);

/// <summary>/balkan QUESTION: the answer goes to the command's response_url.</summary>
public sealed record SlackCommandWork(SlackCommand Command, string Question, bool Share, string ConversationId) : SlackWork(ConversationId);

/// <summary>/balkan subscribe … and friends, for the registered <see cref="ISlackCommandExtension"/>.</summary>
public sealed record SlackExtensionWork(SlackCommand Command, string Subcommand, string Arguments, string ConversationId) : SlackWork(ConversationId);

/// <summary>A click on one of our buttons.</summary>
public sealed record SlackActionWork(SlackInteraction Interaction, SlackAction Action, string ConversationId) : SlackWork(ConversationId);

/// <summary>
/// A bounded queue between the endpoints (which must answer Slack within 3 s) and the worker that answers.
/// Bounded so a flood cannot exhaust memory: when it is full, callers tell Slack to come back later.
/// </summary>
public sealed class SlackWorkQueue(IOptions<SlackOptions> options)
{
    private readonly Channel<SlackWork> _channel = Channel.CreateBounded<SlackWork>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleWriter = false });

    public bool TryEnqueue(SlackWork work) => _channel.Writer.TryWrite(work);

    public ChannelReader<SlackWork> Reader => _channel.Reader;
}
