using BalkanBot.Handlers;
using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Answers;

/// <summary>
/// The one path every channel uses: route the message, resolve it against the conversation, pick the records it is
/// about, let the intent's handler compose the answer, and fall back to an honest no-answer.
/// </summary>
public sealed partial class AnswerEngine
{
    private readonly KnowledgeBase _kb;
    private readonly IntentRouter _router;
    private readonly ConversationStore _conversations;
    private readonly TimeProvider _clock;
    private readonly Dictionary<IntentKind, IIntentHandler> _handlers;
    private readonly IAnswerPhraser? _phraser;

    public ISubscriptionCommands? Subscriptions { get; set; }
    public KnowledgeBase Knowledge => _kb;

    public AnswerEngine(KnowledgeBase kb, TimeProvider? clock = null, ConversationStore? conversations = null,
        IEnumerable<IIntentHandler>? handlers = null, IAnswerPhraser? phraser = null)
    {
        _kb = kb;
        _clock = clock ?? TimeProvider.System;
        _router = new IntentRouter(kb, _clock);
        _conversations = conversations ?? new ConversationStore(_clock);
        _phraser = phraser;
        _handlers = [];
        foreach (var h in handlers ?? DefaultHandlers())
            if (!_handlers.TryAdd(h.Intent, h)) throw new InvalidOperationException($"Two handlers registered for intent {h.Intent}.");
    }

    public static IEnumerable<IIntentHandler> DefaultHandlers()
    {
        var overview = new OverviewHandler();
        return [overview, new DateHandler(), new PartiesHandler(), new FiguresHandler(), new CompareHandler(),
            new TimelineHandler(overview), new ListHandler(), new AnalysisHandler(), new SourcesHandler(), new HelpHandler(), new FeedbackHandler()];
    }

    public bool PhrasingEnabled => _phraser?.Enabled == true;

    public async Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken = default)
    {
        var routed = _router.Route(Clean(question.Text, out _));
        if (routed.Intent == IntentKind.Subscription && Subscriptions is not null && routed.SubscriptionCommand is not null)
            return await Subscriptions.HandleAsync(question, routed.SubscriptionCommand, cancellationToken).ConfigureAwait(false);
        var answer = Answer(question);
        if (answer.Answered && _phraser is { Enabled: true } && answer.Intent is not (IntentKind.Help or IntentKind.Feedback or IntentKind.Sources))
            answer = await _phraser.PhraseAsync(answer, cancellationToken).ConfigureAwait(false);
        return answer;
    }

    /// <summary>The deterministic answer, without optional phrasing.</summary>
    public Answer Answer(Question question)
    {
        var text = Clean(question.Text, out var note);
        var previous = _conversations.Get(question.Channel, question.ConversationId);
        var routed = _router.Route(text);
        List<KnowledgeRecord> focus;
        (routed, focus) = Resolve(routed, previous);

        var answer = Dispatch(routed, focus, previous);
        if (note is not null) answer = answer with { Note = note };
        if (answer.Intent is not (IntentKind.Help or IntentKind.Feedback or IntentKind.Sources) && answer.Answered)
            _conversations.Set(question.Channel, question.ConversationId,
                new ConversationState(answer, focus.Select(f => f.Id).ToList(), routed.Measure, routed.Period, _clock.GetUtcNow()));
        return answer;
    }

    private Answer Dispatch(RoutedQuestion routed, List<KnowledgeRecord> focus, ConversationState? previous)
    {
        var ctx = new HandlerContext(routed, _kb, focus, previous?.LastAnswer, _clock);
        switch (routed.Intent)
        {
            case IntentKind.Help or IntentKind.Feedback or IntentKind.Sources:
                return _handlers[routed.Intent].Handle(ctx)!;
            case IntentKind.Subscription:
                return _handlers[IntentKind.Help].Handle(ctx)! with
                {
                    Title = "Digests",
                    Text = "Digest subscriptions are made from a Teams or Slack conversation, where the digest can be delivered.",
                };
        }
        if (focus.Count == 0 && routed.Period is null && !(routed.Intent == IntentKind.Analysis && SpeaksTheBasesLanguage(routed)))
            return NoAnswer(routed, focus);
        // "What is Serbia's trade surplus with CEFTA?" asks for a figure in the words of a definition.
        if (routed.Intent == IntentKind.Overview && routed.Measure is not null
            && _handlers[IntentKind.Figures].Handle(ctx with { Question = routed with { Intent = IntentKind.Figures } }) is { } figure)
            return figure;
        if (routed.Intent is IntentKind.Overview && !CoversQuestion(routed, focus)) return NoAnswer(routed, focus);
        var handler = _handlers.GetValueOrDefault(routed.Intent) ?? _handlers[IntentKind.Overview];
        var answer = handler.Handle(ctx);
        // "Who signed the Dayton Agreement?" when the base names no parties: say so, and give what it does hold.
        if (answer is null && routed.Intent is IntentKind.Date or IntentKind.Parties or IntentKind.Figures
            && ctx.Primary is { Kind: RecordKind.Agreement or RecordKind.Event } primary && _handlers[IntentKind.Overview].Handle(ctx) is { } overview)
        {
            var missing = routed.Intent switch { IntentKind.Date => "a date", IntentKind.Parties => "a list of parties", _ => "that figure" };
            answer = overview with
            {
                Intent = routed.Intent,
                Text = $"The sources give no {missing.Replace("a ", "", StringComparison.Ordinal)} for the {primary.ShortName} in so many words; this is what they do say. " + overview.Text,
                Confidence = Math.Min(overview.Confidence, 0.6),
            };
        }
        return answer ?? NoAnswer(routed, focus);
    }

    private static string Clean(string? text, out string? note)
    {
        note = null;
        var t = (text ?? "").Trim();
        if (t.Length > IntentRouter.MaxQuestionLength)
        {
            note = $"Your message was {t.Length} characters long; I read only the first {IntentRouter.MaxQuestionLength}.";
            t = t[..IntentRouter.MaxQuestionLength];
        }
        return t;
    }
}
