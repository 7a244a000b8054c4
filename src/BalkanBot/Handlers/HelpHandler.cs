using BalkanBot.Answers;
using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Handlers;

/// <summary>"Help": what the bot answers, what the base holds, and questions to start with.</summary>
public sealed class HelpHandler : IIntentHandler
{
    public IntentKind Intent => IntentKind.Help;

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
            FollowUps = ExampleQuestions.All.Take(3).ToList(),
            Confidence = 1,
        };
    }
}
