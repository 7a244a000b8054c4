using BalkanBot.Answers;
using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Handlers;

/// <summary>Answers one intent. Returns null when the base holds no sourced answer; the engine then says so.</summary>
public interface IIntentHandler
{
    IntentKind Intent { get; }
    Answer? Handle(HandlerContext context);
}

/// <summary>What a handler works from: the routed question, the records it is about, and the previous answer.</summary>
public sealed record HandlerContext(RoutedQuestion Question, KnowledgeBase Kb, IReadOnlyList<KnowledgeRecord> Focus,
    Answer? Previous, TimeProvider Clock)
{
    /// <summary>The record the question is mainly about: an agreement or event before an actor.</summary>
    public KnowledgeRecord? Primary =>
        Focus.FirstOrDefault(r => r.Kind is RecordKind.Agreement or RecordKind.Event) ?? Focus.FirstOrDefault();

    public IEnumerable<KnowledgeRecord> Actors => Focus.Where(r => r.Kind == RecordKind.Actor);

    public AnswerBuilder NewAnswer() => new(Kb, Question);
}
