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
            var binding = agreement.LegallyBinding is { Value: "no" } ? ", and it does not create new legal obligations between the parties" : "";
            return new Correction($"No: the sources describe {RecordNames.The(agreement)} as a {kind} without a mutual defense clause{binding}.",
                cite, agreement.Id);
        }
        // "the Tirana Declaration was signed by North Macedonia, Albania and Kosovo": a state named as a party that is not one.
        if (agreement is { Parties.Count: > 0 } && SignedBy().Match(norm) is { Success: true } by)
        {
            var after = norm[by.Index..];
            var wrong = focus.Where(f => f is { Kind: RecordKind.Actor, Type: "state" } && !agreement.Parties.Contains(f.Id)
                                         && f.Aliases.Append(f.Name).Append(f.ShortName).Select(TextNormalizer.Normalize)
                                             .Any(n => n.Length >= 3 && after.Contains(" " + n + " ", StringComparison.Ordinal))).ToList();
            var summary = kb.Passages.OfRecord(agreement.Id).FirstOrDefault(p => p.Kind == PassageKind.Summary);
            if (wrong.Count > 0 && summary is not null)
            {
                var parties = PassageExtractor.Join(agreement.Parties.Select(id => kb.Get(id)?.ShortName ?? id).ToList());
                var notParty = PassageExtractor.Join(wrong.Select(w => w.ShortName).ToList());
                return new Correction($"No: the sources name {parties} as the parties to {RecordNames.The(agreement)}; {notParty} {(wrong.Count > 1 ? "are" : "is")} not among them.",
                    summary.Cite, agreement.Id);
            }
        }
        // "Is it legally binding or not?" asks; it does not deny.
        if (agreement is not null && Binding().IsMatch(norm) && !Negated().IsMatch(norm.Replace(" or not ", " ", StringComparison.Ordinal))
            && agreement.LegallyBinding is { Value: "no" } notBinding)
            return new Correction($"No: the sources say {RecordNames.The(agreement)} is not legally binding.", notBinding.Cite, agreement.Id);
        // "KFOR operates under UNSCR 1325": a resolution number the sources never give, for something whose passages
        // name another resolution.
        if (ResolutionNumber().Match(norm) is { Success: true } resolution
            && !kb.Passages.All.Any(p => p.Text.Contains(resolution.Groups["n"].Value, StringComparison.Ordinal)))
        {
            foreach (var r in focus)
            {
                var passage = kb.Passages.OfRecord(r.Id).Where(p => p.Kind is PassageKind.Fact or PassageKind.Summary or PassageKind.Role)
                    .Select(p => (Passage: p, Match: ResolutionNumber().Match(" " + TextNormalizer.Normalize(p.Text) + " ")))
                    .FirstOrDefault(x => x.Match.Success);
                if (passage.Passage is null) continue;
                var real = passage.Match.Groups["n"].Value;
                return new Correction($"No: the sources tie {RecordNames.The(r)} to UN Security Council Resolution {real}, not {resolution.Groups["n"].Value}. " +
                                      RecordFacts.Capitalise(passage.Passage.Text.TrimEnd('.')) + ".", passage.Passage.Cite, r.Id);
            }
        }
        // "Given that UNSCR 1244 was passed in 2008": a year that is not the record's own. A year that only bounds
        // what is asked ("Serbia's trade with CEFTA in 2023") states nothing about when the record came about.
        foreach (var r in focus.Where(f => f.Kind is RecordKind.Agreement or RecordKind.Event && f.Date is not null))
        {
            var years = DatedYear().Matches(norm).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            if (years.Count == 0 || years.Any(y => y >= r.Date!.Start.Year && y <= r.Date.EndInclusive.Year)) continue;
            if (r.End is { } end && years.Any(y => y >= end.Start.Year && y <= end.EndInclusive.Year)) continue;
            // "When the Open Balkan idea was unveiled in 2019": a year the record itself speaks of is some step of
            // its story (unveiled 2019, signed 2021), not a wrong date.
            if (years.Any(y => kb.Passages.OfRecord(r.Id).Any(p => p.Text.Contains(y.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)))) continue;
            var dated = kb.Passages.OfRecord(r.Id).FirstOrDefault(p => p.Kind == PassageKind.Date);
            if (dated is null) continue;
            var verb = r.Kind == RecordKind.Agreement ? "date" : "place";
            return new Correction($"No: the sources {verb} {RecordNames.The(r)} to {r.Date!.Display}, not {years[0]}.", dated.Cite, r.Id);
        }
        if (Refused(kb, norm, focus) is { } refused) return refused;
        foreach (var state in focus.Where(f => f.Kind == RecordKind.Actor && f.Type == "state"))
        {
            foreach (var (org, pattern) in new[] { ("nato", LeftNato()), ("european-union", LeftEu()) })
            {
                if (!SaidOf(norm, state, pattern, focus)) continue;
                if (state.Memberships.FirstOrDefault(m => m.Of == org || org == "european-union" && m.Of == "eu") is not { } membership) continue;
                var name = kb.Get(membership.Of)?.ShortName ?? org.ToUpperInvariant();
                var since = membership.Since is { } joined ? $" since {joined.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "";
                var member = membership.Of == "nato" ? "a NATO member" : $"a member of {name}";
                return new Correction($"No: according to the sources, {state.ShortName} {(since.Length > 0 ? "has been" : "is")} {member}{since}.", membership.Cite, state.Id);
            }
        }
        // "Montenegro's been in NATO since 2009": a member, but not since the year the sources give.
        foreach (var state in focus.Where(f => f.Kind == RecordKind.Actor && f.Type == "state"))
        {
            foreach (var membership in state.Memberships.Where(m => m.Since is not null && m.Of is "nato" or "european-union" or "eu"))
            {
                var said = (membership.Of == "nato" ? NatoSince() : EuSince()).Matches(norm)
                    .Select(m => int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                if (said.Count == 0 || said.Contains(membership.Since!.Year) || !SaidOf(norm, state, membership.Of == "nato" ? NatoSince() : EuSince(), focus)) continue;
                var name = membership.Of == "nato" ? "NATO" : "the European Union";
                return new Correction($"No: according to the sources, {state.ShortName} has been a member of {name} since {membership.Since.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}, not {said[0].ToString(System.Globalization.CultureInfo.InvariantCulture)}.",
                    membership.Cite, state.Id);
            }
        }
        foreach (var state in focus.Where(f => f.Kind == RecordKind.Actor && f.Type == "state"))
        {
            foreach (var (org, pattern) in new[] { ("nato", NatoMember()), ("european-union", EuMember()) })
            {
                if (!SaidOf(norm, state, pattern, focus) || Negated().IsMatch(norm)) continue;
                if (state.Memberships.Any(m => m.Of == org)) continue;
                var evidence = kb.Passages.Mentioning(state.Id).FirstOrDefault(p =>
                    p.Kind is PassageKind.Fact or PassageKind.Summary or PassageKind.Role
                    && Regex.IsMatch(p.Text, org == "nato" ? @"non-NATO|not (a )?(NATO )?member|outside NATO|not in NATO" : @"not (an )?EU member|non-EU|candidate|outside the EU|surrounds", RegexOptions.IgnoreCase)
                    && kb.Passages.Mentions(p, state.Id));
                if (evidence is null) continue;
                // "… a full NATO member covered by Article 5": the passage that speaks of the guarantee says what follows.
                var guarantee = org == "nato" && MutualDefence().IsMatch(norm)
                    ? kb.Passages.Mentioning(state.Id).OrderBy(p => p.Text.Length).FirstOrDefault(p => p.Kind is PassageKind.Fact or PassageKind.Summary or PassageKind.Role
                        && Regex.IsMatch(p.Text, @"not (a )?(NATO )?member|non-NATO|outside NATO", RegexOptions.IgnoreCase)
                        && Regex.IsMatch(p.Text, @"Article 5|collective defen[cs]e|mutual[- ]defen[cs]e", RegexOptions.IgnoreCase) && kb.Passages.Mentions(p, state.Id))
                    : null;
                var lead = $"No: the sources do not count {state.ShortName} among the members of {(org == "nato" ? "NATO" : "the European Union")}.";
                // "Serbia joined NATO in 2009, correct?": a state that keeps out of alliances is corrected with its stance.
                var stance = org == "nato" && guarantee is null
                    ? kb.Passages.Mentioning(state.Id).Where(p => p.Kind is PassageKind.Fact or PassageKind.Summary
                            && Regex.IsMatch(p.Text, @"militar(?:y|ily) neutral", RegexOptions.IgnoreCase) && kb.Passages.Mentions(p, state.Id))
                        .OrderBy(p => p.Text.Length).FirstOrDefault()
                    : null;
                if (stance is not null)
                    return new Correction(lead + " " + RecordFacts.Capitalise(stance.Text.TrimEnd('.')) + ".", [.. evidence.Cite.Union(stance.Cite)], state.Id);
                return guarantee is null
                    ? new Correction(lead, evidence.Cite, state.Id)
                    : new Correction(lead + " " + RecordFacts.Capitalise(guarantee.Text.TrimEnd('.')) + ".", guarantee.Cite, state.Id);
            }
        }
        return null;
    }

    /// <summary>
    /// "Given that Serbia joined the EU sanctions on Russia": the sources say the state refuses (or does not do) what
    /// the premise has it do. The passage must name the state just before the refusal, and the premise must share at
    /// least two of the words the refusal is about ("impose sanctions on Russia"), so being close to Russia is no match.
    /// </summary>
    private static Correction? Refused(KnowledgeBase kb, string norm, IReadOnlyList<KnowledgeRecord> focus)
    {
        if (Negated().IsMatch(norm) || Refusal().IsMatch(norm)) return null;
        // "Which journal published '… the Problem of Sanctions against Russia'?" asks, and states nothing to correct.
        if (OpensOnAQuestionWord().IsMatch(norm)) return null;
        var said = norm.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Stemmer.Stem).ToHashSet(StringComparer.Ordinal);
        foreach (var state in focus.Where(f => f.Kind == RecordKind.Actor && f.Type == "state"))
        {
            var names = NamesOf(state);
            if (!names.Any(n => norm.Contains(" " + n + " ", StringComparison.Ordinal))) continue;
            // The plainest statement first: a fact, then a summary, then the state's role, each shortest first.
            foreach (var p in kb.Passages.Mentioning(state.Id).Where(p => p.Kind is PassageKind.Fact or PassageKind.Summary or PassageKind.Role && RefusalWritten().IsMatch(p.Text))
                         .OrderBy(p => p.Kind switch { PassageKind.Fact => 0, PassageKind.Summary => 1, _ => 2 }).ThenBy(p => p.Text.Length))
            {
                var text = " " + TextNormalizer.Normalize(p.Text) + " ";
                foreach (var name in names)
                {
                    var at = text.IndexOf(" " + name + " ", StringComparison.Ordinal);
                    if (at < 0 || Refusal().Match(text, at + name.Length + 1) is not { Success: true } refusal || refusal.Index != at + name.Length + 1) continue;
                    var about = text[(refusal.Index + refusal.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                        .Where(w => w.Length >= 4 && !Stopwords.IsStopword(w)).Take(3).Select(Stemmer.Stem).ToList();
                    if (about.Count(said.Contains) < 2) continue;
                    return new Correction("No: " + RecordFacts.Capitalise(p.Text.TrimEnd('.')) + ".", p.Cite, state.Id);
                }
            }
        }
        return null;
    }

    /// <summary>"When did …", "In which …": the text asks; what it presupposes is not stated as a claim.</summary>
    public static bool OpensOnAQuestionWord(string text) => OpensOnAQuestionWord().IsMatch(" " + TextNormalizer.Normalize(text) + " ");

    [GeneratedRegex(@"^ (?:(?:in|on|at|from|for|by|with|under) )?(?:what|which|who|whom|whose|when|where|why|how)\b")]
    private static partial Regex OpensOnAQuestionWord();

    [GeneratedRegex(@" (?:refuses|refused|refuse|declines|declined|does not|did not|has not|have not) (?:to )?")]
    private static partial Regex Refusal();

    /// <summary>The same words as written, to pass over the passages without them before reading any closely.</summary>
    [GeneratedRegex(@"\b(?:refuse[sd]?|decline[sd]?|(?:does|did|has|have) not)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RefusalWritten();

    /// <summary>A record's names as the normalised text writes them, short ones left out.</summary>
    private static List<string> NamesOf(KnowledgeRecord r) => r.Aliases.Append(r.Name).Append(r.ShortName).Select(TextNormalizer.Normalize)
        .Where(n => n.Length >= 3).Distinct().ToList();

    /// <summary>
    /// The membership phrase is said of the state: "Albania, like Kosovo, is still outside NATO", "Serbia joined NATO",
    /// not "would Hungary fight for Serbia against a NATO member".
    /// </summary>
    private static bool SaidOf(string norm, KnowledgeRecord state, Regex pattern, IReadOnlyList<KnowledgeRecord> focus)
    {
        static int LastEnd(string before, List<string> names) =>
            names.Select(n => before.LastIndexOf(" " + n + " ", StringComparison.Ordinal) is var i and >= 0 ? i + n.Length + 1 : -1).DefaultIfEmpty(-1).Max();
        var names = NamesOf(state);
        var others = focus.Where(f => f.Id != state.Id && f.Kind == RecordKind.Actor && f.Type == "state").Select(NamesOf).ToList();
        foreach (Match m in pattern.Matches(norm))
        {
            var before = norm[..m.Index] + " ";
            var at = LastEnd(before, names);
            if (at < 0 || m.Index - at > 40) continue;
            // "… Albania's and Serbia's visions. When did Albania become a NATO member?" is said of Albania, the state
            // named nearest the phrase.
            if (others.Any(o => LastEnd(before, o) > at)) continue;
            if (!Between().IsMatch(" " + before[at..] + " ")) return true;
        }
        return false;
    }

    [GeneratedRegex(@" (against|with|than|from|by|to|for|on|of|and|or|but|about|toward|towards|unlike|versus|vs) ")]
    private static partial Regex Between();

    /// <summary>"Confirm that …", "is it true that …": the part asks only whether the premise holds.</summary>
    public static bool AsksToConfirm(string text) => Confirm().IsMatch(" " + TextNormalizer.Normalize(text) + " ");

    [GeneratedRegex(@"^ (please )?(confirm|verify|agree|say|state|admit|acknowledge|is it true|isn t it true|tell me) (that )?")]
    private static partial Regex Confirm();
    [GeneratedRegex(@" (?:signed|adopted|passed|founded|created|established|launched|set up|formed|held|happened|took place|occurred|began|started|declared|joined|fell|broke out|concluded|agreed|ratified|issued|published|announced|unveiled|introduced|convicted|indicted|attacked|imposed|bought|ordered|opened|ended|left|quit|dissolved|disbanded)(?: \w+){0,3}? (?:in|on|since|during|back in) (?:\w+ )?(1[89]\d\d|20\d\d) ")]
    private static partial Regex DatedYear();
    [GeneratedRegex(@" (article 5|article five|mutual defen[cs]e|collective defen[cs]e|defen[cs]e clause|defen[cs]e guarantee|security guarantee|obliged to defend|obliges? .{0,30}defend) ")]
    private static partial Regex MutualDefence();
    [GeneratedRegex(@" (?:signed|concluded|agreed|adopted) (?:by|between) | (?:its |the )?(?:parties|signatories) (?:are|were|was) ")]
    private static partial Regex SignedBy();
    [GeneratedRegex(@" (?:nato|north atlantic treaty organi[sz]ation)(?: member| members| membership)? (?:since|in|from) (?<y>1[89]\d\d|20\d\d) | joined (?:the )?nato (?:in |back in )?(?<y>1[89]\d\d|20\d\d) ")]
    private static partial Regex NatoSince();
    [GeneratedRegex(@" (?:eu|european union)(?: member| members| membership)? (?:since|in|from) (?<y>1[89]\d\d|20\d\d) | joined (?:the )?(?:eu|european union) (?:in |back in )?(?<y>1[89]\d\d|20\d\d) ")]
    private static partial Regex EuSince();
    [GeneratedRegex(@" (?:unscr|resolution|un resolution|security council resolution) (?<n>\d{3,4}) ")]
    private static partial Regex ResolutionNumber();
    [GeneratedRegex(@" (legal+y binding|binding treaty|binding on|binds) ")]
    private static partial Regex Binding();
    [GeneratedRegex(@" (is|as|being|a|since|became|become|joined|been) (a )?nato (member|ally|state)| member of nato | nato member | joined (the )?nato | in nato since ")]
    private static partial Regex NatoMember();
    [GeneratedRegex(@" (is|as|being|a|since|became|become|joined|been) (an )?(eu|european union) (member|state)| member of the (eu|european union) | eu member | joined the (eu|european union) | in the eu since ")]
    private static partial Regex EuMember();
    [GeneratedRegex(@" (left|quit|withdrew from|exited|leaving|quitting) (the )?nato | (still )?(outside|out of) (of )?nato | (is|are|was|were) not (a |in )?nato | non nato ")]
    private static partial Regex LeftNato();
    [GeneratedRegex(@" (left|quit|withdrew from|exited|leaving|quitting) (the )?(eu|european union) | (still )?(outside|out of) (of )?the (eu|european union) | (is|are|was|were) not (an |in the )?(eu|european union) | non eu ")]
    private static partial Regex LeftEu();
    [GeneratedRegex(@" (not|non|isn t|is not|never) ")]
    private static partial Regex Negated();
}
