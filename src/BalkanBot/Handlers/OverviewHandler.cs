using BalkanBot.Answers;
using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Handlers;

public sealed class OverviewHandler : IIntentHandler
{
    public IntentKind Intent => IntentKind.Overview;

    public Answer? Handle(HandlerContext ctx)
    {
        var r = ctx.Primary;
        if (r is null) return null;
        var b = ctx.NewAnswer();
        b.Intent = IntentKind.Overview;
        b.Title = r.Kind == RecordKind.Figure ? RecordFacts.NameOf(ctx.Kb, r.Subject ?? r.Id) : r.Name;
        var lead = r.Summary ?? r.Role ?? (r.Text is null ? null : new CitedText(r.Text, r.Cite))
                   ?? (r.Kind == RecordKind.Figure ? new CitedText($"{FiguresHandler.FigureLabel(ctx.Kb, r)}: {FigureText.Format(r)}.", r.Cite) : null)
                   ?? (r.Facts.Count > 0 ? r.Facts[0] : null);
        if (lead is null) return null;
        b.Text = b.Cited(lead with { Text = ShortText(lead.Text) });
        RecordFacts.AddCore(b, r);
        // The documents' own authors first; the people they quote after.
        foreach (var claim in ctx.Kb.ClaimsAbout([r.Id]).OrderByDescending(c => CompareHandler.AuthorOfSource(ctx.Kb, c))
                     .DistinctBy(c => c.Author).Take(r.Kind == RecordKind.Actor ? 1 : 2))
            b.View(claim);
        foreach (var conflict in ctx.Kb.ConflictsAbout([r.Id]).OrderBy(c => c.About.ToList().IndexOf(r.Id)).Take(2)) b.Conflict(conflict);
        FollowUps.Suggest(b, r);
        b.Confidence = 0.9;
        return b.Build();
    }

    /// <summary>
    /// Up to three whole sentences: the short answer, not the whole record. Other answers cut a long first sentence
    /// and point here ("Tell me more about …"), so this one never cuts a sentence.
    /// </summary>
    internal static string ShortText(string text)
    {
        var rest = text;
        var taken = "";
        for (var i = 0; i < 3 && rest.Length > 0; i++)
        {
            var s = RecordFacts.FirstSentence(rest, int.MaxValue);
            if (taken.Length > 0 && taken.Length + s.Length > 480) break;
            taken = (taken + " " + s).Trim();
            rest = rest.Length > s.Length ? rest[s.Length..].TrimStart() : "";
        }
        return taken;
    }
}
