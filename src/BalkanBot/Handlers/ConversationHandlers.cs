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

public sealed class HelpHandler : IIntentHandler
{
    public IntentKind Intent => IntentKind.Help;

    public static readonly IReadOnlyList<string> Examples =
    [
        "What is the Tirana Declaration?",
        "Compare the Serbia–Hungary and Albania–Croatia–Kosovo blocs",
        "What happened in Republika Srpska in March 2025?",
        "How many troops does KFOR have?",
    ];

    public Answer? Handle(HandlerContext ctx)
    {
        var kb = ctx.Kb;
        int Count(RecordKind k) => kb.Counts.TryGetValue(k, out var n) ? n : 0;
        return new Answer
        {
            Question = ctx.Question.Original,
            Answered = true,
            Intent = Intent,
            Title = "What BalkanBot can answer",
            Text = "I answer questions on Balkan security from a curated base of sourced records, and cite every fact. " +
                   "Ask what an agreement is, when it was signed and who signed it; for figures, timelines and comparisons; " +
                   "or for what the sources argue. If the base has no sourced answer, I say so.",
            Facts =
            [
                new("Records", $"{Count(RecordKind.Agreement)} agreements, {Count(RecordKind.Event)} events, {Count(RecordKind.Actor)} actors, {Count(RecordKind.Figure)} figures, {Count(RecordKind.Claim)} attributed views", []),
                new("Sources", $"{Count(RecordKind.Source)} documents and reports", []),
                new("Follow-ups", "\"and Hungary?\", \"when was it signed?\", \"show sources\", \"compare it with CEFTA\"", []),
                new("Digests", "\"subscribe weekly\", \"subscribe daily Kosovo\", \"my subscriptions\", \"unsubscribe\"", []),
            ],
            FollowUps = Examples.Take(3).ToList(),
            Confidence = 1,
        };
    }
}

public sealed class FeedbackHandler : IIntentHandler
{
    public IntentKind Intent => IntentKind.Feedback;

    public Answer? Handle(HandlerContext ctx) => new()
    {
        Question = ctx.Question.Original,
        Answered = true,
        Intent = Intent,
        Title = "Thank you",
        Text = "Noted. Use the 👍 and 👎 buttons under an answer to rate that answer; ratings go to the maintainers of the knowledge base.",
        FollowUps = HelpHandler.Examples.Take(2).ToList(),
        Confidence = 1,
    };
}
