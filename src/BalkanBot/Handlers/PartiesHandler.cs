using BalkanBot.Answers;
using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Handlers;

public sealed class PartiesHandler : IIntentHandler
{
    public IntentKind Intent => IntentKind.Parties;

    public Answer? Handle(HandlerContext ctx)
    {
        var r = ctx.Primary;
        if (r is null) return null;
        var b = ctx.NewAnswer();
        b.Title = $"Parties: {RecordNames.Bare(r)}";
        var members = ctx.Kb.MembersOf(r.Id);
        if (r.Parties.Count == 0 && members.Count == 0 && r.Actors.Count == 0) return null;

        if (r.Parties.Count > 0)
        {
            var numbers = b.Cite(RecordFacts.Backing(r));
            var parties = r.Parties.Count == 1 ? $"The party to {RecordNames.The(r)} is" : $"The parties to {RecordNames.The(r)} are";
            b.Text = AnswerBuilder.Markers($"{parties} {RecordFacts.NamesInSentence(ctx.Kb, r.Parties)}.", numbers);
            foreach (var p in r.Parties) b.Fact("Party", RecordFacts.NameOf(ctx.Kb, p), RecordFacts.Backing(r));
            if (r.Signatories is not null) b.Fact("Signed by", r.Signatories, RecordFacts.Backing(r));
        }
        else if (r.Actors.Count > 0)
        {
            var numbers = b.Cite(RecordFacts.Backing(r));
            b.Text = AnswerBuilder.Markers($"The sources name {RecordFacts.NamesInSentence(ctx.Kb, r.Actors)} as involved in {RecordNames.The(r)}.", numbers);
        }
        foreach (var m in members)
        {
            var membership = m.Memberships.First(x => x.Of == r.Id);
            b.Fact("Member", m.Name + (membership.Since is null ? "" : $" (since {membership.Since.Display})"), membership.Cite);
        }
        if (r.Parties.Count == 0 && members.Count > 0)
        {
            var cites = b.Cite(members.SelectMany(m => m.Memberships.Where(x => x.Of == r.Id).SelectMany(x => x.Cite)).Take(4));
            b.Text = AnswerBuilder.Markers($"The sources name these members of {RecordNames.The(r)}: {RecordFacts.JoinAnd(members.Select(m => m.Name).ToList())}. They are not a complete membership list.", cites);
        }
        b.UseRecord(r.Id);
        foreach (var conflict in ctx.Kb.ConflictsAbout([r.Id])) b.Conflict(conflict);
        FollowUps.Suggest(b, r);
        b.Confidence = 0.85;
        return b.Build();
    }
}
