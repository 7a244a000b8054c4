using System.Text.RegularExpressions;
using BalkanBot.Knowledge;
using BalkanBot.Retrieval;

namespace BalkanBot.Answers;

/// <summary>
/// A question that rests on a premise the sources contradict ("confirm that the pact has an Article 5 clause")
/// is answered with the correction first. Only premises the base can settle are checked: whether an agreement
/// carries a mutual-defence clause or binds its parties, and whether a state is a NATO or EU member.
/// </summary>
public static partial class PremiseCheck
{
    public sealed record Correction(string Text, IReadOnlyList<Citation> Cite, string RecordId);

    public static Correction? Check(KnowledgeBase kb, string text, IReadOnlyList<KnowledgeRecord> focus)
    {
        var norm = " " + TextNormalizer.Normalize(text) + " ";
        var agreement = focus.FirstOrDefault(f => f.Kind == RecordKind.Agreement);
        if (agreement is not null && MutualDefence().IsMatch(norm) && !Negated().IsMatch(norm) && !agreement.Provisions.Contains("mutual-defence"))
        {
            var passage = kb.Passages.OfRecord(agreement.Id).FirstOrDefault(p =>
                              Regex.IsMatch(p.Text, @"mutual[- ]defen[cs]e|legal obligations", RegexOptions.IgnoreCase))
                          ?? kb.Passages.OfRecord(agreement.Id).FirstOrDefault(p => p.Kind == PassageKind.Summary);
            var cite = agreement.LegallyBinding is { Value: "no" } lb ? lb.Cite : passage?.Cite ?? [];
            if (cite.Count == 0) return null;
            var kind = agreement.Type is { Length: > 0 } t ? t.Replace('-', ' ') : "agreement";
            var binding = agreement.LegallyBinding is { Value: "no" } ? ", and it creates no new legal obligations between the parties" : "";
            return new Correction($"No: the sources describe the {agreement.ShortName} as a {kind} without a mutual-defence clause{binding}.",
                cite, agreement.Id);
        }
        if (agreement is not null && Binding().IsMatch(norm) && !Negated().IsMatch(norm) && agreement.LegallyBinding is { Value: "no" } notBinding)
            return new Correction($"No: the sources say the {agreement.ShortName} is not legally binding.", notBinding.Cite, agreement.Id);
        foreach (var state in focus.Where(f => f.Kind == RecordKind.Actor && f.Type == "state"))
        {
            foreach (var (org, pattern) in new[] { ("nato", NatoMember()), ("eu", EuMember()) })
            {
                if (!pattern.IsMatch(norm) || Negated().IsMatch(norm)) continue;
                if (state.Memberships.Any(m => m.Of == org)) continue;
                var evidence = kb.Passages.Mentioning(state.Id).FirstOrDefault(p =>
                    p.Kind is PassageKind.Fact or PassageKind.Summary or PassageKind.Role
                    && Regex.IsMatch(p.Text, org == "nato" ? @"non-NATO|not (a )?(NATO )?member|outside NATO|not in NATO" : @"not (an )?EU member|non-EU|candidate", RegexOptions.IgnoreCase)
                    && kb.Passages.Mentions(p, state.Id));
                if (evidence is null) continue;
                return new Correction($"No: the sources do not count {state.ShortName} among the members of {(org == "nato" ? "NATO" : "the EU")}.",
                    evidence.Cite, state.Id);
            }
        }
        return null;
    }

    /// <summary>"Confirm that …", "is it true that …": the part asks only whether the premise holds.</summary>
    public static bool AsksToConfirm(string text) => Confirm().IsMatch(" " + TextNormalizer.Normalize(text) + " ");

    [GeneratedRegex(@"^ (please )?(confirm|verify|agree|say|state|admit|acknowledge|is it true|isn t it true|tell me) (that )?")]
    private static partial Regex Confirm();
    [GeneratedRegex(@" (article 5|article five|mutual defen[cs]e|collective defen[cs]e|defen[cs]e clause|defen[cs]e guarantee|security guarantee|obliged to defend|obliges? .{0,30}defend) ")]
    private static partial Regex MutualDefence();
    [GeneratedRegex(@" (legally binding|binding treaty|binding on|binds) ")]
    private static partial Regex Binding();
    [GeneratedRegex(@" (is|as|being|a|since|became|become|joined) (a )?nato (member|ally|state)| member of nato | nato member ")]
    private static partial Regex NatoMember();
    [GeneratedRegex(@" (is|as|being|a|since|became|become|joined) (an )?eu (member|state)| member of the eu | eu member ")]
    private static partial Regex EuMember();
    [GeneratedRegex(@" (not|non|isn t|is not|never) ")]
    private static partial Regex Negated();
}
