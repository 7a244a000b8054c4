using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Answers;

/// <summary>What a handler works from: the routed question, the records it is about, and the previous answer.</summary>
public sealed record HandlerContext(RoutedQuestion Question, KnowledgeBase Kb, IReadOnlyList<KnowledgeRecord> Focus,
    Answer? Previous, TimeProvider Clock)
{
    /// <summary>The record the question is mainly about: an agreement or event before an actor.</summary>
    public KnowledgeRecord? Primary =>
        Focus.FirstOrDefault(r => r.Kind is RecordKind.Agreement or RecordKind.Event) ?? (Focus.Count > 0 ? Focus[0] : null);

    public IEnumerable<KnowledgeRecord> Actors => Focus.Where(r => r.Kind == RecordKind.Actor);

    public AnswerBuilder NewAnswer() => new(Kb, Question);
}
