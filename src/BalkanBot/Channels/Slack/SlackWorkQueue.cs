using Microsoft.Extensions.Options;

namespace BalkanBot.Channels.Slack;

/// <summary>Something to answer after Slack has had its acknowledgement.</summary>
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

/// <summary>A thread opened in the assistant pane: suggested prompts go into it.</summary>
public sealed record SlackAssistantStartWork(string Channel, string ThreadTs, string User) : SlackWork($"{Channel}:{ThreadTs}");

/// <summary>The Home tab opened by <paramref name="User"/>: the view is published for them.</summary>
public sealed record SlackHomeWork(string User) : SlackWork("home:" + User);

/// <summary>A click on the Home tab (an example question, an Unsubscribe).</summary>
public sealed record SlackHomeActionWork(string User, SlackAction Action, string ConversationId) : SlackWork(ConversationId);

/// <summary>The message shortcut on one message; the answer is shown only to <paramref name="User"/>.</summary>
public sealed record SlackShortcutWork(SlackInteraction Interaction, string User, string Channel, string ConversationId) : SlackWork(ConversationId);

/// <summary>
/// The Slack channel's background work (see <see cref="WorkQueue"/>), shared by the HTTP endpoints and Socket Mode,
/// which must acknowledge within 3 s. When it is full, commands are told "busy" and events get a 503 that Slack retries.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "The Slack channel's WorkQueue, named like it.")]
public sealed class SlackWorkQueue(SlackResponder responder, IOptions<SlackOptions> options, ILogger<SlackWorkQueue> log)
    : WorkQueue(ChannelKeys.Slack, new WorkQueueLimits(options.Value.QueueCapacity, options.Value.QueuePerConversation), log)
{
    public bool TryEnqueue(SlackWork work) => TryEnqueue(work.ConversationId, work.GetType().Name, ct => responder.HandleAsync(work, ct));
}
