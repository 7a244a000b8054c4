using BalkanBot.Answers;

namespace BalkanBot.Cards;

/// <summary>How many items of each list a card shows before a "show more" button takes over.</summary>
public sealed record CardLimits(int Facts = 12, int Rows = 15, int Timeline = 12, int Conflicts = 5, int Views = 6, int Sources = 10,
    int FollowUps = 4, int TextChars = 1500)
{
    public static CardLimits Default { get; } = new();

    /// <summary>Used when a card is still too big: every list and text shrinks, but never to nothing.</summary>
    public CardLimits Halve() => new(Half(Facts), Half(Rows), Half(Timeline), Half(Conflicts), Half(Views), Half(Sources),
        FollowUps, Math.Max(200, TextChars / 2));

    private static int Half(int n) => Math.Max(1, n / 2);
}

/// <param name="AnswerId">Carried by every button so clicks refer to this card's answer, not the conversation's latest.</param>
/// <param name="EchoQuestion">Show the question above the answer: for answers to a button click, where the chat shows no question.</param>
/// <param name="FeedbackGiven">"up"/"down": the card as re-sent after a rating, with a thank-you instead of the buttons.</param>
public sealed record CardRenderOptions(string? AnswerId = null, bool EchoQuestion = false, string? FeedbackGiven = null, CardLimits? Limits = null);

/// <summary>
/// Answer → Adaptive Card 1.5, the card Teams and the local chat page show. A pure function of the answer: the
/// same answer always gives the same card. Cards stay under <see cref="AdaptiveCardJson.MaxCardBytes"/>; long
/// lists end in a "show more" button that pages through the rest (<see cref="RenderMore"/>).
/// </summary>
public static partial class AdaptiveCardRenderer
{
    public static AdaptiveCard Render(Answer answer, CardRenderOptions? options = null)
    {
        options ??= new CardRenderOptions();
        var limits = options.Limits ?? CardLimits.Default;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var card = Build(answer, options, limits);
            if (AdaptiveCardJson.Size(card) <= AdaptiveCardJson.MaxCardBytes) return card;
            limits = limits.Halve();
        }
        return Minimal(answer, options);
    }

    /// <summary>The next page of one list of an answer, after its card said "show more".</summary>
    public static AdaptiveCard RenderMore(Answer answer, string section, int offset, string? answerId)
    {
        var spec = Sections.FirstOrDefault(s => s.Name == section);
        var limits = CardLimits.Default;
        if (spec is null || offset < 0 || offset >= spec.Count(answer))
            return Notice("Nothing more to show", "That list has no further items. Ask a new question to see more.");
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var body = new List<CardElement> { Title(offset == 0 ? $"{answer.Title}: {spec.Label}" : $"{answer.Title}: {spec.Label} (continued)") };
            AddSection(body, spec, answer, offset, limits, answerId);
            var card = Card(body, $"{answer.Title}: {spec.Label}");
            if (AdaptiveCardJson.Size(card) <= AdaptiveCardJson.MaxCardBytes) return card;
            limits = limits.Halve();
        }
        return Notice("Too long to show", "That list is too long for a card. Ask a narrower question.");
    }

    private static AdaptiveCard Build(Answer a, CardRenderOptions options, CardLimits limits)
    {
        var body = new List<CardElement>();
        if (options.EchoQuestion && !string.IsNullOrWhiteSpace(a.Question))
            body.Add(new TextBlock { Text = Clip($"You asked: {a.Question}", 300), IsSubtle = true, Size = "small" });
        body.Add(Title(a.Title));
        if (a.Note is not null) body.Add(new TextBlock { Text = Clip(a.Note, limits.TextChars), IsSubtle = true, Size = "small" });
        body.Add(new TextBlock { Text = Clip(NonEmpty(a.Text), limits.TextChars), Spacing = "small" });
        if (a.Phrased) body.Add(new TextBlock { Text = "Worded by AI and checked against the cited records.", IsSubtle = true, Size = "small" });

        foreach (var spec in Sections) AddSection(body, spec, a, 0, limits, options.AnswerId);

        var followUps = a.FollowUps.Where(f => !string.IsNullOrWhiteSpace(f)).Distinct().Take(limits.FollowUps).ToList();
        if (followUps.Count > 0)
        {
            body.Add(Heading("You could ask"));
            body.Add(new ActionSet { Actions = followUps.Select(q => (CardAction)Execute(Clip(q, 120), new CardActionData { Action = CardVerbs.FollowUp, Question = q })).ToList() });
        }
        if (a.InvitesFeedback()) body.Add(Feedback(a, options));
        return Card(body, FallbackText(a));
    }

    /// <summary>Last resort when even halved lists do not fit: the short answer and a way to the sources.</summary>
    private static AdaptiveCard Minimal(Answer a, CardRenderOptions options)
    {
        var body = new List<CardElement> { Title(a.Title), new TextBlock { Text = Clip(NonEmpty(a.Text), 1000) } };
        if (a.Citations.Count > 0)
            body.Add(new ActionSet { Actions = [Execute($"Show the {a.Citations.Count} sources", new CardActionData { Action = CardVerbs.Sources, AnswerId = options.AnswerId, Question = a.Question })] });
        return Card(body, FallbackText(a));
    }

    internal static AdaptiveCard Card(List<CardElement> body, string fallbackText) => new()
    {
        Body = body,
        FallbackText = Clip(fallbackText, 500),
        Msteams = new TeamsCardProperties("Full"),
    };

    internal static TextBlock Title(string text) =>
        new() { Text = Clip(NonEmpty(text), 200), Size = "medium", Weight = "bolder", Style = "heading" };

    internal static TextBlock Heading(string text) =>
        new() { Text = text, Weight = "bolder", Spacing = "medium", Style = "heading" };

    private static string FallbackText(Answer a) => $"{a.Title}: {a.Text}";

    internal static string Refs(IReadOnlyList<int> citations) => citations.Count == 0 ? "" : " " + TextRenderer.Refs(citations);

    internal static string NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? "—" : text.Trim();

    /// <summary>Cuts at a word boundary where one is near, so a clipped sentence does not end mid-word.</summary>
    internal static string Clip(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max - 1, Math.Min(40, max - 1));
        return text[..(cut > 0 ? cut : max - 1)].TrimEnd() + "…";
    }
}
