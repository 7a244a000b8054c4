using BalkanBot.Answers;

namespace BalkanBot.Cards;

public static partial class AdaptiveCardRenderer
{
    /// <summary>
    /// A button as Teams recommends it: Action.Execute (an invoke the bot can answer in place) with an Action.Submit
    /// fallback for clients without Universal Actions. Both carry the same data.
    /// </summary>
    internal static ExecuteAction Execute(string title, CardActionData data, string? style = null) => new()
    {
        Title = title,
        Verb = data.Action,
        Data = data,
        Style = style,
        Fallback = new SubmitAction { Title = title, Data = data, Style = style },
    };

    private static CardElement Feedback(Answer a, CardRenderOptions options)
    {
        if (options.FeedbackGiven is { } given)
            return new TextBlock
            {
                Text = given == CardVerbs.RatingUp ? "Thanks, your 👍 was recorded." : "Thanks, your 👎 was recorded; the maintainers will look at this answer.",
                IsSubtle = true,
                Size = "small",
                Spacing = "medium",
            };
        CardActionData Rate(string rating) => new() { Action = CardVerbs.Feedback, Rating = rating, AnswerId = options.AnswerId, Question = Clip(a.Question, 500) };
        return new ActionSet
        {
            Spacing = "medium",
            Actions = [Execute("👍 Helpful", Rate(CardVerbs.RatingUp)), Execute("👎 Not helpful", Rate(CardVerbs.RatingDown))],
        };
    }

    /// <summary>Sent when the bot joins a conversation: what it does and a few questions to start with.</summary>
    public static AdaptiveCard Welcome(IReadOnlyList<string> examples, string? coverage = null)
    {
        var body = new List<CardElement>
        {
            Title("Hi, I'm BalkanBot"),
            new TextBlock
            {
                Text = "I answer questions on Balkan security from a curated base of sourced records, and I cite every fact. " +
                       "When the base has no sourced answer, I say so rather than guess.",
            },
            new FactSet
            {
                Facts =
                [
                    new("Ask about", "agreements and who signed them, events in a place and month, figures, comparisons, what the sources argue"),
                    new("Follow up", "\"when was it signed?\", \"and Hungary?\", \"show sources\""),
                    new("In a channel", "@mention me, then your question"),
                    .. coverage is null ? Array.Empty<Fact>() : [new Fact("Knowledge", coverage)],
                ],
            },
        };
        AddExamples(body, examples, "Try one of these");
        return Card(body, "BalkanBot answers questions on Balkan security with sources. Try: " + string.Join(" / ", examples));
    }

    /// <summary>Something failed on our side; the question can be retried with one click.</summary>
    public static AdaptiveCard Error(string message, string? retryQuestion = null)
    {
        var body = new List<CardElement>
        {
            new Container
            {
                Style = "attention",
                Items =
                [
                    Title("Sorry, that did not work"),
                    new TextBlock { Text = Clip(NonEmpty(message), 500), Spacing = "small" },
                ],
            },
        };
        if (!string.IsNullOrWhiteSpace(retryQuestion))
            body.Add(new ActionSet { Actions = [Execute("Try again", new CardActionData { Action = CardVerbs.FollowUp, Question = Clip(retryQuestion, 500) })] });
        return Card(body, "Sorry, that did not work: " + message);
    }

    /// <summary>A short informational card (expired buttons, empty pages) with example questions to go on with.</summary>
    public static AdaptiveCard Notice(string title, string text, IReadOnlyList<string>? examples = null)
    {
        var body = new List<CardElement> { Title(title), new TextBlock { Text = Clip(NonEmpty(text), 1000) } };
        if (examples is { Count: > 0 }) AddExamples(body, examples, "You could ask");
        return Card(body, $"{title}: {text}");
    }

    private static void AddExamples(List<CardElement> body, IReadOnlyList<string> examples, string heading)
    {
        var buttons = examples.Where(e => !string.IsNullOrWhiteSpace(e)).Take(4)
            .Select(e => (CardAction)Execute(Clip(e, 120), new CardActionData { Action = CardVerbs.FollowUp, Question = e })).ToList();
        if (buttons.Count == 0) return;
        body.Add(Heading(heading));
        body.Add(new ActionSet { Actions = buttons });
    }
}
