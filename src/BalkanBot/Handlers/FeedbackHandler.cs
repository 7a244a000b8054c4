using BalkanBot.Answers;
using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Handlers;

/// <summary>Thanks and other remarks about the bot: where ratings go.</summary>
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
        FollowUps = ExampleQuestions.All.Take(2).ToList(),
        Confidence = 1,
    };
}
