using BalkanBot.Answers;
using BalkanBot.Cards;
using BalkanBot.Diagnostics;
using BalkanBot.Knowledge;
using BalkanBot.Storage;

namespace BalkanBot.Channels.Teams;

/// <summary>
/// The turn logic for Bot Framework channels (Teams, the playground, the local chat page): questions become answer
/// cards, a bot joining a conversation says hello, and card buttons do their work.
/// </summary>
public sealed partial class TeamsBot
{
    /// <summary>Past this, the user sees a typing indicator while the answer is prepared.</summary>
    internal static readonly TimeSpan TypingAfter = TimeSpan.FromMilliseconds(800);
    /// <summary>Teams shows a typing indicator for about 3 s and wants at most one every 3 s.</summary>
    internal static readonly TimeSpan TypingEvery = TimeSpan.FromSeconds(3);

    private readonly AnswerEngine _engine;
    private readonly IAppStore _store;
    private readonly ConnectorClient _connector;
    private readonly AnswerCache _answers;
    private readonly WelcomeTracker _welcomes;
    private readonly BackgroundTurns _background;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;

    public TeamsBot(AnswerEngine engine, IAppStore store, ConnectorClient connector, AnswerCache answers, WelcomeTracker welcomes,
        BackgroundTurns background, TimeProvider clock, ILogger<TeamsBot> log)
    {
        _engine = engine;
        _store = store;
        _connector = connector;
        _answers = answers;
        _welcomes = welcomes;
        _background = background;
        _clock = clock;
        _log = log;
    }

    public async Task<TurnResponse> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        var turn = new Turn(activity, _connector);
        switch (activity.Type)
        {
            case ActivityTypes.Invoke:
                return new TurnResponse(Invoke: await OnInvokeAsync(turn, cancellationToken).ConfigureAwait(false));
            case ActivityTypes.Message:
                return await RunAsync(turn, "message", OnMessageAsync, cancellationToken).ConfigureAwait(false);
            case ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate:
                return await RunAsync(turn, activity.Type, OnMembersChangedAsync, cancellationToken).ConfigureAwait(false);
            default:
                Log.TeamsActivityIgnored(_log, activity.Type);
                return TurnResponse.Empty;
        }
    }

    /// <summary>expectReplies callers wait for the replies; everyone else gets 200 now and the replies through the connector.</summary>
    private async Task<TurnResponse> RunAsync(Turn turn, string kind, Func<Turn, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        if (!turn.ExpectsReplies)
            return _background.TryEnqueue(turn.ConversationId, kind, ct => work(turn, ct), BackgroundTurns.GroupOf(turn.Activity))
                ? TurnResponse.Empty
                : TurnResponse.Busy;
        using (Telemetry.StartTurn(ChannelKeys.Teams, kind, turn.ConversationId))
            await work(turn, cancellationToken).ConfigureAwait(false);
        return new TurnResponse(Replies: new ExpectedReplies { Activities = [.. turn.BufferedReplies] });
    }

    private async Task OnMessageAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (AdaptiveCardJson.ReadActionData(turn.Activity.Value) is { } data)
        {
            turn.IsCardAction = true;
            await OnSubmitAsync(turn, data, cancellationToken).ConfigureAwait(false);
            return;
        }
        var text = MentionText.Strip(turn.Activity);
        if (text.Length == 0)
        {
            var card = AdaptiveCardRenderer.Notice("Ask me a question", "I read typed questions on Balkan security, for example:", ExampleQuestions.All);
            await turn.SendAsync(turn.Reply(card, summary: "Ask me a question"), cancellationToken).ConfigureAwait(false);
            return;
        }
        await AnswerAsync(turn, text, echoQuestion: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers a question with a card, showing typing while slow (LLM phrasing) and an error card if it fails.</summary>
    private async Task AnswerAsync(Turn turn, string text, bool echoQuestion, CancellationToken cancellationToken)
    {
        var started = _clock.GetTimestamp();
        var a = turn.Activity;
        var question = new Question(text, ChannelKeys.Teams, turn.ConversationId, turn.UserId,
            new ConversationReference(a.ChannelId ?? ChannelKeys.MsTeams, turn.ConversationId, a.ServiceUrl, a.Conversation?.TenantId, a.Recipient?.Id,
                a.Conversation?.ConversationType));
        // Run the engine off this thread so the typing timer can fire while a synchronous answer is being composed.
        var answering = Task.Run(() => _engine.AnswerAsync(question, cancellationToken), cancellationToken);
        if (!turn.ExpectsReplies) await TypingUntilDoneAsync(turn, answering, cancellationToken).ConfigureAwait(false);
        Answer answer;
        try
        {
            answer = await answering.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.TeamsAnswerFailed(_log, ex);
            // A write the user asked for (a subscription) that did not happen must not look like a shrug.
            var error = AdaptiveCardRenderer.Error(StoreFailure.Is(ex)
                ? "I could not save that; please try again in a moment."
                : "I could not answer that just now. Please try again in a moment.", text);
            await turn.SendAsync(turn.Reply(error, summary: "Sorry, that did not work"), cancellationToken).ConfigureAwait(false);
            return;
        }
        var id = _answers.Add(answer, echoQuestion);
        var card = AdaptiveCardRenderer.Render(answer, new CardRenderOptions(id, EchoQuestion: echoQuestion));
        var result = await turn.SendAsync(turn.Reply(card, summary: answer.Title), cancellationToken).ConfigureAwait(false);
        Log.TeamsAnswered(_log, answer.Intent.ToString(), answer.Answered, (long)_clock.GetElapsedTime(started).TotalMilliseconds, result.Ok);
    }

    private async Task TypingUntilDoneAsync(Turn turn, Task answering, CancellationToken cancellationToken)
    {
        // With LLM phrasing the answer takes seconds: show typing at once rather than after the first delay.
        var wait = _engine.PhrasingEnabled ? TimeSpan.Zero : TypingAfter;
        while (true)
        {
            if (wait > TimeSpan.Zero && await Task.WhenAny(answering, Task.Delay(wait, _clock, cancellationToken)).ConfigureAwait(false) == answering) return;
            if (answering.IsCompleted) return;
            using var quick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // A typing indicator is worth nothing late; do not let connector retries hold up the answer.
            quick.CancelAfter(TimeSpan.FromSeconds(2));
            try
            {
                await turn.SendAsync(turn.Typing(), quick.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            wait = TypingEvery;
        }
    }

    private async Task OnMembersChangedAsync(Turn turn, CancellationToken cancellationToken)
    {
        var a = turn.Activity;
        var botId = a.Recipient?.Id;
        var added = a.Type == ActivityTypes.InstallationUpdate
            ? string.Equals(a.Action, "add", StringComparison.OrdinalIgnoreCase) // not "add-upgrade": they know the bot already
            : botId is not null && a.MembersAdded?.Any(m => m?.Id == botId) == true;
        if (!added || turn.ConversationId.Length == 0 || !_welcomes.ShouldWelcome(turn.ConversationId)) return;
        var kb = _engine.Knowledge;
        var sources = kb.Counts.TryGetValue(RecordKind.Source, out var n) ? n : 0;
        var card = AdaptiveCardRenderer.Welcome(ExampleQuestions.All, $"{kb.TotalRecords} sourced records from {sources} documents");
        await turn.SendAsync(turn.Reply(card, summary: "Hi, I'm BalkanBot", inThread: false), cancellationToken).ConfigureAwait(false);
        Log.TeamsWelcomed(_log, a.Type);
    }
}
