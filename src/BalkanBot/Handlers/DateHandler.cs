using BalkanBot.Answers;
using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Handlers;

public sealed partial class DateHandler : IIntentHandler
{
    public IntentKind Intent => IntentKind.Date;

    public Answer? Handle(HandlerContext ctx)
    {
        var b = ctx.NewAnswer();
        var r = ctx.Primary;
        if (r is null) return null;

        // "When did Albania join NATO?": a membership answers it better than either actor's profile.
        if (r.Kind == RecordKind.Actor)
        {
            foreach (var actor in ctx.Actors)
                foreach (var m in actor.Memberships.Where(m => ctx.Focus.Any(f => f.Id == m.Of)))
                {
                    b.Title = $"{actor.Name} and {RecordFacts.NameOf(ctx.Kb, m.Of)}";
                    var numbers = b.Cite(m.Cite);
                    b.Text = m.Since is null
                        ? AnswerBuilder.Markers($"The sources say {actor.Name} is a member of {RecordFacts.NameOf(ctx.Kb, m.Of)} but give no date.", numbers)
                        : AnswerBuilder.Markers($"{actor.Name} has been a member of {RecordFacts.NameOf(ctx.Kb, m.Of)} since {m.Since.Display}.", numbers);
                    b.Fact("Member since", m.Since?.Display ?? "not given", m.Cite);
                    b.UseRecord(actor.Id);
                    b.Confidence = 0.85;
                    FollowUps.Suggest(b, actor);
                    return b.Build();
                }
            return null;
        }

        b.Title = r.Name;
        var backing = RecordFacts.Backing(r);
        var dateFact = r.Facts.FirstOrDefault(f => r.Date is not null && RecordFacts.MentionsDate(f.Text, r.Date));
        var cite = b.Cite(dateFact?.Cite ?? backing);
        b.Text = AnswerBuilder.Markers(Sentence(ctx.Kb, r), cite);
        if (dateFact is not null) b.Fact("Source detail", dateFact.Text, dateFact.Cite);
        RecordFacts.AddCore(b, r, maxFacts: 2);
        foreach (var conflict in ctx.Kb.ConflictsAbout([r.Id])) b.Conflict(conflict);
        FollowUps.Suggest(b, r);
        b.Confidence = r.Date is null ? 0.6 : 0.9;
        return b.Build();
    }

    /// <summary>"The Tirana Declaration was signed on 18 March 2025 in Tirana.", "Albania joined NATO in 2009."</summary>
    internal static string Sentence(KnowledgeBase kb, KnowledgeRecord r)
    {
        if (r.Date is null)
            // "… for Bosnia's top court suspends …" is no English: a name that is a clause says when it happened.
            return RecordNames.AsClause(r, kb) is { } undated
                ? $"The sources do not say when {(undated.PastForm.StartsWith("The ", StringComparison.Ordinal) ? "the" + undated.PastForm[3..] : undated.PastForm)}."
                : $"The sources do not give a date for {RecordNames.The(r)}.";
        var when = (r.Date.Precision == DatePrecision.Day ? "on " : "in ") + r.Date.Display;
        // "Kosovo's declaration of independence took place in 2008", not "… in 2008 in Kosovo".
        var place = string.Join(", ", (r.PlaceText ?? RecordFacts.PlaceOf(kb, r)).Split(", ", StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !r.ShortName.Contains(p, StringComparison.OrdinalIgnoreCase)));
        // "… in the Federal Republic of Yugoslavia": a state whose name takes an article keeps it after "in".
        if (r.Place?.Country is { } countryId && kb.Get(countryId) is { } country && RecordNames.The(country) is var theCountry
            && theCountry.StartsWith("the ", StringComparison.Ordinal) && place.EndsWith(theCountry[4..], StringComparison.Ordinal)
            && !place.EndsWith(theCountry, StringComparison.Ordinal))
            place = place[..^(theCountry.Length - 4)] + theCountry;
        var where = place.Length > 0 ? $" in {place}" : "";
        if (RecordNames.AsClause(r, kb) is { } clause) return $"{clause.PastForm} {when}{where}.";
        // "The Republika Srpska laws … were adopted in February 2025", not "… took place".
        var be = RecordNames.IsPlural(r) ? "were" : "was";
        var verb = r.Kind switch
        {
            RecordKind.Agreement => "was " + FollowUps.AgreementVerb(r),
            // A law or a procedure is adopted; a halt, a fall or a refusal is not: it takes place.
            RecordKind.Event when r.Type is "legal-act" || r.Type is "policy" && AdoptedPolicy().IsMatch(r.Subtype ?? "") => be + " adopted",
            RecordKind.Event when r.Type is "court-ruling" => be + " handed down",
            RecordKind.Event when r.Type is "statement" => be + " made",
            RecordKind.Event => "took place",
            _ => "is dated",
        };
        return $"{RecordNames.TheStart(r)} {verb} {when}{where}.";
    }


    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:law|laws|procedure|strategy|plan|measures?|act|regulation|amendments?)\b")]
    private static partial System.Text.RegularExpressions.Regex AdoptedPolicy();
}
