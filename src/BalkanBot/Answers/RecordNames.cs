using System.Text.RegularExpressions;
using BalkanBot.Knowledge;

namespace BalkanBot.Answers;

/// <summary>An event named like a headline, "Albania joins NATO", split so it can be put into other sentences.</summary>
public sealed record HeadlineClause(string Subject, string Verb, string Rest)
{
    private string Tail => Rest.Length == 0 ? "" : " " + Rest;

    // Every form speaks of the past, so reported speech shifts back too: "said he would ask".

    /// <summary>"Albania join NATO", for "When did …?".</summary>
    public string BaseForm => $"{Subject} {VerbForms.Base(Verb)}{Backshift(Tail)}";

    /// <summary>"Dodik said he would ask …", for "What happened when …?".</summary>
    public string PastForm => $"{Subject} {VerbForms.Past(Verb)}{Backshift(Tail)}";

    /// <summary>"Hegseth telling Europe to spend more", for "What do the sources say about …?".</summary>
    public string GerundForm => $"{Subject} {VerbForms.Gerund(Verb)}{Backshift(Tail)}";

    private static string Backshift(string s) =>
        s.Replace(" will ", " would ", StringComparison.Ordinal).Replace(" is ", " was ", StringComparison.Ordinal)
            .Replace(" are ", " were ", StringComparison.Ordinal).Replace(" has ", " had ", StringComparison.Ordinal);
}

/// <summary>
/// How a record's name reads inside a sentence: "the Tirana Declaration" but "CEFTA 2006", "Serbia's declaration of
/// military neutrality", "UN Security Council Resolution 1244", "the conviction of Milorad Dodik", "NATO" and
/// "the European Union". Follow-up questions, answer texts and titles all take names from here.
/// </summary>
public static partial class RecordNames
{
    /// <summary>The name as it reads after a verb or preposition: "about the Banjska attack", "about Serbia".</summary>
    public static string The(KnowledgeRecord r)
    {
        var name = r.ShortName;
        if (!TakesArticle(r, name)) return name;
        // "Conviction of Milorad Dodik" is a common noun once it has its article.
        if (r.Kind == RecordKind.Event && LeadingNounOf().IsMatch(name)) name = char.ToLowerInvariant(name[0]) + name[1..];
        return "the " + name;
    }

    /// <summary>"The Republika Srpska laws …", "Kosovo's 100-percent tariffs …": a name that takes a plural verb.</summary>
    public static bool IsPlural(KnowledgeRecord r) => PluralName().IsMatch(TheStart(r));

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:The )?(?:\S+ ){0,3}?(?:laws|measures|sanctions|tariffs|rulings|statements|policies|amendments)\b")]
    private static partial System.Text.RegularExpressions.Regex PluralName();

    /// <summary>The same at the start of a sentence: "The Banjska attack", "CEFTA 2006".</summary>
    public static string TheStart(KnowledgeRecord r) => RecordFacts.Capitalise(The(r));

    /// <summary>The name at the start of a line or title, without an article: "Conviction of Milorad Dodik", "Original CEFTA".</summary>
    public static string Bare(KnowledgeRecord r) => RecordFacts.Capitalise(r.ShortName);

    /// <summary>
    /// The record as a question should name it: as <see cref="The"/> does when the bot links that name back to the
    /// record, else the alias closest to it that the bot does link ("the Dodik conviction" for "Conviction of Milorad
    /// Dodik"), so a suggested question leads to the record it was suggested for.
    /// </summary>
    public static string InQuestion(KnowledgeRecord r, KnowledgeBase kb)
    {
        if (Links(kb, r, r.ShortName) || r.Aliases.Count == 0) return The(r);
        var name = TextNormalizer.Tokens(r.Name).ToHashSet(StringComparer.Ordinal);
        var alias = r.Aliases
            .Where(a => ReadsAsName(a) && Links(kb, r, a))
            .OrderBy(a => a.Any(char.IsDigit))
            .ThenByDescending(a => TextNormalizer.Tokens(a) is var t && t.Length > 0 ? (double)t.Count(name.Contains) / t.Length : 0)
            .ThenByDescending(a => a.Length)
            .FirstOrDefault();
        if (alias is null) return The(r);
        return TakesArticle(r, alias) ? "the " + alias : alias;
    }

    /// <summary>
    /// An alias a sentence can carry: Latin script, a common noun in it ("Dodik conviction", not "Mini-Schengen Novi
    /// Sad"), and no headline verb ("Serbia admits buying …" is a clause, not a name).
    /// </summary>
    private static bool ReadsAsName(string alias)
    {
        var words = alias.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || !alias.All(c => c < 0x0370 || c is '–' or '’' or '“' or '”')) return false;
        if (!words.Any(w => char.IsLower(w[0]) && w is not ("of" or "the" or "and" or "in" or "on" or "to" or "for"))) return false;
        // "Dodik convicted", "policemen arrested in Serbia": a participle makes a clause of it.
        if (words.Any(w => char.IsLower(w[0]) && w.EndsWith("ed", StringComparison.Ordinal))) return false;
        for (var i = 0; i < words.Length; i++)
        {
            var afterTo = i > 0 && words[i - 1] == "to"; // "decision to join" is a noun phrase
            if (!afterTo && (VerbForms.HeadlineVerbs.Contains(words[i]) || VerbForms.HeadlineVerbs.Contains(words[i] + "s"))) return false;
        }
        return true;
    }

    /// <summary>Whether the bot links this name back to the record.</summary>
    public static bool Links(KnowledgeBase kb, KnowledgeRecord r, string name) => kb.Aliases.Lookup(name).Contains(r.Id);

    internal static bool TakesArticle(KnowledgeRecord r, string name)
    {
        if (name.Length == 0) return false;
        if (r.Kind == RecordKind.Actor)
        {
            return r.Type switch
            {
                "person" or "company" or "entity" => false,
                "state" => StateArticle().IsMatch(name),
                // "NATO", "KFOR", "EUFOR Operation Althea"; but "the UN Security Council", "the Pupin Initiative".
                _ => name.Contains(' ') && !name.Contains(" Operation ", StringComparison.Ordinal),
            };
        }
        if (Possessive().IsMatch(name)) return false;     // "Serbia's declaration of military neutrality"
        if (AcronymNumber().IsMatch(name)) return false;  // "CEFTA 2006", "UNSCR 1244"
        if (NumberedTitle().IsMatch(name)) return false;  // "UN Security Council Resolution 1244", "NATO Article 5"
        if (r.Kind == RecordKind.Event && AsClauseShape(name) is not null) return false;
        return !IsAcronym(name);
    }

    private static bool IsAcronym(string name) => !name.Contains(' ') && name.Length >= 2 && name.All(c => char.IsUpper(c) || char.IsDigit(c));

    /// <summary>
    /// "Albania joins NATO" → (Albania, joins, NATO); null for a noun phrase ("Banjska attack", "Balkan votes on the
    /// UN resolution"). A verb that is also a plural noun counts only where one of the event's actors is its subject.
    /// </summary>
    public static HeadlineClause? AsClause(KnowledgeRecord r, KnowledgeBase kb)
    {
        if (r.Kind != RecordKind.Event) return null;
        var clause = AsClauseShape(r.ShortName);
        if (clause is null || !VerbForms.AlsoNouns.Contains(clause.Verb)) return clause;
        var subject = TextNormalizer.Normalize(clause.Subject);
        var names = r.Actors.Select(kb.Get).OfType<KnowledgeRecord>().SelectMany(a => a.Aliases.Append(a.Name).Append(a.ShortName));
        return names.Any(n => TextNormalizer.Normalize(n) == subject) ? clause : null;
    }

    private static HeadlineClause? AsClauseShape(string name)
    {
        var words = name.Split(' ');
        if (words.Length < 2 || !char.IsUpper(words[0][0])) return null;
        for (var i = 1; i < Math.Min(words.Length, 5); i++)
        {
            if (!VerbForms.HeadlineVerbs.Contains(words[i])) continue;
            return new HeadlineClause(string.Join(' ', words[..i]), words[i], string.Join(' ', words[(i + 1)..]));
        }
        return null;
    }

    [GeneratedRegex(@"^(United |Federal |Republic |Kingdom |Czech Republic|Netherlands|Philippines)|\bUnion\b")]
    private static partial Regex StateArticle();

    [GeneratedRegex(@"^\p{Lu}[\p{L}\-–]*( \p{Lu}[\p{L}\-–]*)*['’]s ")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"^\p{Lu}{2,}[ -]?\d")]
    private static partial Regex AcronymNumber();

    [GeneratedRegex(@"\b(Resolution|Article|Protocol|Chapter) \d+$")]
    private static partial Regex NumberedTitle();

    [GeneratedRegex(@"^\p{Lu}\p{Ll}+ of ")]
    private static partial Regex LeadingNounOf();
}
