using BalkanBot.Answers;
using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Handlers;

/// <summary>"Show sources": the previous answer's citations, in full.</summary>
public sealed class SourcesHandler : IIntentHandler
{
    public IntentKind Intent => IntentKind.Sources;

    public Answer? Handle(HandlerContext ctx)
    {
        if (ctx.Previous is not { Answered: true, Citations.Count: > 0 } prev)
            return new Answer
            {
                Question = ctx.Question.Original,
                Answered = true,
                Intent = Intent,
                Title = "Sources",
                Text = "Ask a question first; I will then list the sources behind the answer.",
                FollowUps = FollowUps.Popular(ctx.Kb),
                Confidence = 1,
            };
        return prev with
        {
            Question = ctx.Question.Original,
            Intent = Intent,
            Title = $"Sources: {prev.Title}",
            Text = $"The previous answer rests on {prev.Citations.Count} citation{(prev.Citations.Count == 1 ? "" : "s")} from {prev.Citations.Select(c => c.SourceId).Distinct().Count()} source document{(prev.Citations.Select(c => c.SourceId).Distinct().Count() == 1 ? "" : "s")}.",
            Facts = prev.Citations.Select(c => new AnswerFact($"[{c.N}]", $"{c.Label}, {c.Locator}", [c.N])).ToList(),
            Comparison = null,
            Timeline = [],
            Views = [],
            Conflicts = [],
        };
    }
}
