using BalkanBot.Answers;
using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Handlers;

public sealed partial class PartiesHandler : IIntentHandler
{
    public IntentKind Intent => IntentKind.Parties;

    public Answer? Handle(HandlerContext ctx)
    {
        var r = ctx.Primary;
        if (r is null) return null;
        var b = ctx.NewAnswer();
        b.Title = r.Kind == RecordKind.Actor && r.Parties.Count == 0 ? $"Members: {RecordNames.Bare(r)}" : $"Parties: {RecordNames.Bare(r)}";
        var members = ctx.Kb.MembersOf(r.Id);
        if (r.Parties.Count == 0 && members.Count == 0 && r.Actors.Count == 0) return null;
        // "Which states are not members of the EU?" asks who is outside; a list of members does not answer it.
        if (r.Kind == RecordKind.Actor && NotMembers().IsMatch(" " + ctx.Question.Normalized + " ")) return null;

        if (MembersAmongParties(ctx, r) is { } among) return among;
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

    /// <summary>
    /// "Of the three Tirana signatories, which are NATO members?": the parties to the agreement, sorted by the
    /// memberships the sources give them in the organisation the question names.
    /// </summary>
    private static Answer? MembersAmongParties(HandlerContext ctx, KnowledgeRecord agreement)
    {
        if (agreement.Parties.Count == 0 || !MemberWord().IsMatch(" " + ctx.Question.Normalized + " ")) return null;
        var org = ctx.Focus.FirstOrDefault(f => f.Id != agreement.Id && f.Kind == RecordKind.Actor && !agreement.Parties.Contains(f.Id)
                                                && ctx.Kb.MembersOf(f.Id).Count > 0);
        if (org is null) return null;
        var parties = agreement.Parties.Select(ctx.Kb.Get).OfType<KnowledgeRecord>().ToList();
        var members = parties.Where(p => p.Memberships.Any(m => m.Of == org.Id)).ToList();
        var others = parties.Except(members).ToList();
        var b = ctx.NewAnswer();
        b.Title = $"{org.ShortName} membership of the parties to {RecordNames.The(agreement)}";
        var cites = b.Cite(members.SelectMany(m => m.Memberships.Where(x => x.Of == org.Id).SelectMany(x => x.Cite)).Concat(RecordFacts.Backing(agreement)));
        var which = members.Count switch
        {
            0 => $"The sources list none of the parties to {RecordNames.The(agreement)} as {org.ShortName} members.",
            _ when others.Count == 0 => $"All the parties to {RecordNames.The(agreement)} are {org.ShortName} members: {RecordFacts.JoinAnd(members.Select(m => m.ShortName).ToList())}.",
            1 => $"Of the parties to {RecordNames.The(agreement)}, {members[0].ShortName} is a {org.ShortName} member.",
            _ => $"Of the parties to {RecordNames.The(agreement)}, {RecordFacts.JoinAnd(members.Select(m => m.ShortName).ToList())} are {org.ShortName} members.",
        };
        var rest = others.Count == 0 || members.Count == 0 ? ""
            : $" The sources list no {org.ShortName} membership for {RecordFacts.JoinAnd(others.Select(o => o.ShortName).ToList())}.";
        b.Text = AnswerBuilder.Markers(which + rest, cites);
        foreach (var m in members)
        {
            var membership = m.Memberships.First(x => x.Of == org.Id);
            b.Fact(m.ShortName, $"{org.ShortName} member" + (membership.Since is null ? "" : $" since {membership.Since.Display}"), membership.Cite);
        }
        foreach (var o in others) b.Fact(o.ShortName, $"no {org.ShortName} membership in the sources", RecordFacts.Backing(agreement));
        b.UseRecord(agreement.Id);
        b.UseRecord(org.Id);
        foreach (var m in parties) b.UseRecord(m.Id);
        foreach (var conflict in ctx.Kb.ConflictsAbout([agreement.Id, org.Id, .. others.Select(o => o.Id)]).Where(c => others.Any(o => c.About.Contains(o.Id))).Take(1))
            b.Conflict(conflict);
        b.Confidence = 0.85;
        return b.Build();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@" (member|members|membership|belong|belongs|in) ")]
    private static partial System.Text.RegularExpressions.Regex MemberWord();

    [System.Text.RegularExpressions.GeneratedRegex(@" (?:not|never) (?:yet )?(?:a |an )?(?:members?|part) (?:of|in) | non members? | not in ")]
    private static partial System.Text.RegularExpressions.Regex NotMembers();
}
