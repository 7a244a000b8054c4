using BalkanBot.Answers;
using BalkanBot.Cards;

namespace BalkanBot.Channels.Slack;

/// <summary>
/// Slack's assistant pane: suggested prompts when a thread opens, a status while an answer is looked up (Slack clears
/// it when the reply is posted), and the thread's title from its first question. The answer itself is an ordinary
/// DM-thread answer, with its own conversation memory per thread (channel:thread_ts).
/// </summary>
public sealed class SlackAssistantThreads(SlackApiClient api, SlackSuggestions suggestions, IConversationStore conversations)
{
    public const string SetSuggestedPrompts = "assistant.threads.setSuggestedPrompts";
    public const string SetStatus = "assistant.threads.setStatus";
    public const string SetTitle = "assistant.threads.setTitle";
    public const string PromptsTitle = "Questions BalkanBot answers from its sources";
    public const string Status = "is looking up the sources…";
    public const int MaxPrompts = 4;
    private const int MaxTitle = 80;

    public static IReadOnlyList<string> LoadingMessages { get; } =
        ["Looking up the sources…", "Reading the records…", "Checking every citation…"];

    public Task StartAsync(SlackAssistantStartWork w, CancellationToken ct)
    {
        var prompts = suggestions.Take(MaxPrompts)
            .Select(s => new SlackPrompt(BlockKitText.TruncatePlain(s.Title, 75), s.Question)).ToList();
        return api.AssistantAsync(SetSuggestedPrompts, new SlackAssistantCall(w.Channel, w.ThreadTs) { Title = PromptsTitle, Prompts = prompts }, ct);
    }

    /// <summary>Status first (the user sees work at once), then the title if this is the thread's first question.</summary>
    public async Task BeginAnswerAsync(SlackEventWork w, CancellationToken ct)
    {
        var thread = w.ThreadTs!;
        await api.AssistantAsync(SetStatus, new SlackAssistantCall(w.Channel, thread) { Status = Status, LoadingMessages = LoadingMessages }, ct)
            .ConfigureAwait(false);
        await conversations.LoadAsync(ChannelKeys.Slack, w.ConversationId, ct).ConfigureAwait(false);
        if (conversations.Find(ChannelKeys.Slack, w.ConversationId) is null && !string.IsNullOrWhiteSpace(w.Text))
            await api.AssistantAsync(SetTitle, new SlackAssistantCall(w.Channel, thread) { Title = BlockKitText.TruncatePlain(w.Text, MaxTitle) }, ct)
                .ConfigureAwait(false);
    }

    public Task ClearStatusAsync(string channel, string thread, CancellationToken ct) =>
        api.AssistantAsync(SetStatus, new SlackAssistantCall(channel, thread) { Status = "" }, ct);
}
