using BalkanBot.Cards;
using static BalkanBot.Cards.AdaptiveCardRenderer;

namespace BalkanBot.Digests;

/// <summary>
/// Digest → Adaptive Card 1.5 for Teams, built from the same card model and helpers as answer cards (title,
/// headings, Action.Execute with an Action.Submit fallback), so "Ask about this" buttons reach the same follow-up
/// handler as an answer's suggestions. Pure: the same digest always gives the same card.
/// </summary>
public static class DigestCard
{
    public const int MaxSources = 20;

    /// <param name="deliveryKey">Set as the card body's id: the stable per-(subscription, period) key of this message.</param>
    public static AdaptiveCard Render(Digest d, string? deliveryKey = null)
    {
        for (var max = 8; ; max /= 2)
        {
            var card = Build(d, deliveryKey, Math.Max(1, max));
            if (AdaptiveCardJson.Size(card) <= AdaptiveCardJson.MaxCardBytes || max <= 1) return card;
        }
    }

    private static AdaptiveCard Build(Digest d, string? key, int maxItems)
    {
        var body = new List<CardElement>
        {
            Title(d.Title),
            new TextBlock { Text = d.PeriodLabel, IsSubtle = true, Size = "small", Spacing = "none" },
        };
        if (d.IsEmpty)
        {
            body.Add(new TextBlock { Text = Digest.NothingNew });
        }
        else
        {
            body.Add(new TextBlock { Text = DigestAnswer.Summary(d), Spacing = "small" });
            if (d.Headlines.Count > 0)
            {
                body.Add(Heading("Headlines"));
                body.Add(new FactSet { Facts = d.Headlines.Select(h => new Fact(Clip(h.Country, 60), Clip(h.Line, 300))).ToList() });
            }
            AddItems(body, "New agreements", d.Agreements, d.MoreAgreements, maxItems);
            AddItems(body, "Incidents and events", d.Events, d.MoreEvents, maxItems);
            AddFigures(body, d, maxItems);
            AddSources(body, d);
        }
        body.Add(new TextBlock { Text = "Say \"unsubscribe\" to stop these digests, or \"my subscriptions\" to see them.", IsSubtle = true, Size = "small", Spacing = "medium" });
        var root = new Container { Id = key, Items = body };
        var fallback = d.IsEmpty ? $"{d.Title}: {Digest.NothingNew}" : $"{d.Title}: {DigestAnswer.Summary(d)}";
        return Card([root], fallback);
    }

    private static void AddItems(List<CardElement> body, string heading, IReadOnlyList<DigestItem> items, int more, int max)
    {
        if (items.Count == 0) return;
        body.Add(Heading(heading));
        foreach (var i in items.Take(max))
        {
            var details = string.Join(" · ", new[] { i.Where is null ? null : "Where: " + i.Where, i.Who is null ? null : "Who: " + i.Who }.OfType<string>());
            var items2 = new List<CardElement>
            {
                new TextBlock { Text = $"**{i.Date ?? "Date not given"}** · {Clip(i.Name, 150)}{(i.Updated ? " (updated)" : "")}" },
                new TextBlock { Text = Clip(i.What, 400) + Refs(i.Citations), Spacing = "none" },
            };
            if (details.Length > 0) items2.Add(new TextBlock { Text = Clip(details, 300), IsSubtle = true, Size = "small", Spacing = "none" });
            items2.Add(Ask(i.AskAbout));
            body.Add(new Container { Items = items2, Spacing = "medium", Separator = true });
        }
        Rest(body, more + Math.Max(0, items.Count - max));
    }

    private static void AddFigures(List<CardElement> body, Digest d, int max)
    {
        if (d.Figures.Count == 0) return;
        body.Add(Heading("New and changed figures"));
        foreach (var f in d.Figures.Take(max))
            body.Add(new Container
            {
                Spacing = "small",
                Items = [new TextBlock { Text = Clip(DigestAnswer.FigureLine(f), 400) + Refs(f.Citations) }, Ask(f.AskAbout)],
            });
        Rest(body, d.MoreFigures + Math.Max(0, d.Figures.Count - max));
    }

    private static void AddSources(List<CardElement> body, Digest d)
    {
        if (d.Citations.Count == 0) return;
        body.Add(Heading("Sources"));
        foreach (var c in d.Citations.Take(MaxSources))
        {
            var label = c.Url is null ? c.Label : $"[{c.Label.Replace("]", ")").Replace("[", "(")}]({c.Url})";
            body.Add(new TextBlock { Text = Clip($"[{c.N}] {label}, {c.Locator}", 600), Size = "small", Spacing = "none" });
        }
        Rest(body, d.Citations.Count - MaxSources, "sources");
    }

    private static ActionSet Ask(string question) => new()
    {
        Spacing = "small",
        Actions = [Execute("Ask about this", new CardActionData { Action = CardVerbs.FollowUp, Question = Clip(question, 500) })],
    };

    private static void Rest(List<CardElement> body, int rest, string what = "more not listed here")
    {
        if (rest > 0) body.Add(new TextBlock { Text = what == "sources" ? $"{rest} more sources not listed." : $"{rest} {what}.", IsSubtle = true, Size = "small" });
    }
}
