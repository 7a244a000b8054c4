using BalkanBot.Answers;
using BalkanBot.Knowledge;

namespace BalkanBot.Handlers;

/// <summary>Suggests next questions that the base can actually answer for a record.</summary>
internal static class FollowUps
{
    public static void Suggest(AnswerBuilder b, KnowledgeRecord r)
    {
        var kb = b.Kb;
        switch (r.Kind)
        {
            case RecordKind.Agreement:
                if (kb.ClaimsAbout([r.Id]).Count > 0) b.FollowUp($"What do the sources say about the {r.ShortName}?");
                if (r.Parties.Count > 0) b.FollowUp($"Who are the parties to the {r.ShortName}?");
                if (r.Date is not null) b.FollowUp($"When was the {r.ShortName} signed?");
                var rival = kb.ConflictsAbout([r.Id]).Concat(kb.ClaimsAbout([r.Id]))
                    .SelectMany(c => c.About).Where(id => id != r.Id).Select(kb.Get)
                    .FirstOrDefault(x => x?.Kind == RecordKind.Agreement);
                if (rival is not null) b.FollowUp($"Compare the {r.ShortName} with the {rival.ShortName}");
                break;
            case RecordKind.Event:
                var country = r.Place?.Country ?? r.Actors.FirstOrDefault();
                if (country is not null && r.Date is not null)
                    b.FollowUp($"What happened in {RecordFacts.NameOf(kb, country)} in {r.Date.Year}?");
                if (kb.ClaimsAbout([r.Id]).Count > 0) b.FollowUp($"What do the sources say about the {r.ShortName}?");
                break;
            case RecordKind.Actor:
                if (kb.AgreementsOf(r.Id).Count > 0) b.FollowUp($"Which agreements has {r.ShortName} signed?");
                if (kb.FiguresOf([r.Id]).Count > 0) b.FollowUp($"What figures do the sources give for {r.ShortName}?");
                if (kb.ClaimsAbout([r.Id]).Count > 0) b.FollowUp($"What do the sources say about {r.ShortName}?");
                b.FollowUp($"Timeline of {r.ShortName}");
                break;
        }
    }

    /// <summary>Topics that the base covers well, for no-answers and help.</summary>
    public static IReadOnlyList<string> Popular(KnowledgeBase kb)
    {
        var agreements = kb.OfKind(RecordKind.Agreement)
            .OrderByDescending(a => kb.ClaimsAbout([a.Id]).Count + a.Facts.Count).Take(2)
            .Select(a => $"What is the {a.ShortName}?");
        return agreements.Append("What happened in Republika Srpska in March 2025?").ToList();
    }
}
