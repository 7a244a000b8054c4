using System.Text.RegularExpressions;
using BalkanBot.Answers;
using BalkanBot.Handlers;
using BalkanBot.Knowledge;
using BalkanBot.Routing;
using BalkanBot.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace BalkanBot.Tests.Answers;

/// <summary>Every follow-up the bot can suggest, for every record in the real base, is answered and reads as English.</summary>
public sealed partial class FollowUpTests(SeedKnowledge seed) : IClassFixture<SeedKnowledge>
{
    private readonly AnswerEngine _engine = new(seed.Kb, IntentHandlers.All(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero)));

    private Answer Ask(string text, string conversation) => _engine.Answer(new Question(text, "test", conversation));

    /// <summary>Each record's follow-ups as a plain answer, an overview and a timeline suggest them, and the request for the record itself.</summary>
    private List<(KnowledgeRecord Record, string Question)> AllFollowUps() =>
        seed.Kb.Hashes().Select(h => seed.Kb.Get(h.Id)).OfType<KnowledgeRecord>()
            .SelectMany(r => new IntentKind?[] { null, IntentKind.Overview, IntentKind.Timeline }
                .SelectMany(i => FollowUps.For(seed.Kb, r, i))
                .Concat(r.Kind is RecordKind.Agreement or RecordKind.Event ? [FollowUps.About(seed.Kb, r)] : [])
                .Distinct().Select(q => (r, q)))
            .ToList();

    [Fact]
    public void FollowUps_EveryRecordInTheBase_AreAnsweredByTheEngine()
    {
        var all = AllFollowUps();
        Assert.True(all.Count > 300, $"only {all.Count} follow-ups were built");
        var failures = all.Select((x, i) => (x, Answer: Ask(x.Question, $"follow-up-{i}")))
            .Where(t => !t.Answer.Answered).Select(t => $"{t.x.Record.Id}: \"{t.x.Question}\"").ToList();
        Assert.True(failures.Count == 0, "unanswered follow-ups:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void FollowUps_EveryRecordInTheBase_ReadAsEnglish()
    {
        var ids = seed.Kb.Hashes().Select(h => h.Id).Where(id => id.Contains('-')).ToList();
        var problems = new List<string>();
        foreach (var (record, q) in AllFollowUps())
        {
            void Problem(string what) => problems.Add($"{record.Id}: {what}: \"{q}\"");
            if (DoubledWord().Match(q) is { Success: true } d) Problem($"doubled \"{d.Value}\"");
            if (q.StartsWith("What was the ", StringComparison.Ordinal)) Problem("\"What was the\" before a name");
            // "the Dodik says …", "the Albania joins …": an article before a headline clause.
            if (ArticleBeforeClause().Match(q) is { Success: true } c && VerbForms.HeadlineVerbs.Contains(c.Groups["verb"].Value))
                Problem("article before a clause");
            if (ArticleBeforePossessive().IsMatch(q)) Problem("article before a possessive");
            if (ArticleBeforeCommonNoun().IsMatch(q)) Problem("capitalised common noun after \"the\"");
            if (!q.EndsWith('?') && !Imperative().IsMatch(q)) Problem("a question without a question mark");
            if (ids.FirstOrDefault(id => q.Contains(id, StringComparison.OrdinalIgnoreCase)) is { } id) Problem($"internal id \"{id}\"");
            if (q.Contains("  ", StringComparison.Ordinal) || q.Contains(" ?", StringComparison.Ordinal)) Problem("spacing");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void FollowUps_Mission_AreNotAboutSigningAgreements()
    {
        var kfor = FollowUps.For(seed.Kb, seed.Kb.Get("kfor")!);
        Assert.DoesNotContain(kfor, q => q.Contains("signed", StringComparison.Ordinal));
        Assert.Contains("What is the KFOR mandate?", kfor);
        Assert.DoesNotContain(Ask("what is KFOR", "kfor").FollowUps, q => q.Contains("Which agreements has KFOR signed", StringComparison.Ordinal));
    }

    [Fact]
    public void FollowUps_HeadlineEvent_AreAskedAsClauses()
    {
        var veto = FollowUps.For(seed.Kb, seed.Kb.Get("dodik-russia-veto-call-2025")!);
        Assert.Contains("When did Dodik say he would ask Russia to veto EUFOR's extension?", veto);
        Assert.Contains("What happened when Dodik said he would ask Russia to veto EUFOR's extension?", veto);
        var nato = FollowUps.For(seed.Kb, seed.Kb.Get("albania-joins-nato-2009")!);
        Assert.Contains("When did Albania join NATO?", nato);
        Assert.DoesNotContain(nato, q => q.Contains("What happened in Pete Hegseth", StringComparison.Ordinal));
        Assert.Contains("What happened in the United States in 2025?", FollowUps.For(seed.Kb, seed.Kb.Get("hegseth-europe-defence-2025")!));
    }

    [Fact]
    public void FollowUps_Timeline_NameEventsAsSentencesDo()
    {
        var rs = Ask("What happened in Republika Srpska in March 2025?", "rs");
        Assert.NotEmpty(rs.FollowUps);
        Assert.DoesNotContain(rs.FollowUps, q => q.Contains("What was the Dodik says", StringComparison.Ordinal));
        Assert.Contains(rs.FollowUps, q => q.Contains("Dodik said he would ask Russia", StringComparison.Ordinal) || q.Contains("Dodik conviction", StringComparison.Ordinal));
        var march = Ask("what happened in march 2025", "march");
        Assert.DoesNotContain(march.FollowUps, q => q.Contains("the Signing of", StringComparison.Ordinal));
        foreach (var q in rs.FollowUps.Concat(march.FollowUps)) Assert.True(Ask(q, "probe-" + q).Answered, q);
    }

    [Fact]
    public void FollowUps_AfterParties_DoNotAskForThePartiesAgain()
    {
        var a = Ask("Who signed the Tirana Declaration?", "parties");
        Assert.NotEmpty(a.FollowUps);
        Assert.DoesNotContain(a.FollowUps, q => q.StartsWith("Who ", StringComparison.Ordinal));
        Assert.DoesNotContain(a.FollowUps, q => q.Contains("the parties to", StringComparison.Ordinal));
    }

    [Fact]
    public void FollowUps_Agreements_TakeTheArticleTheirNameTakes()
    {
        var cefta = FollowUps.For(seed.Kb, seed.Kb.Get("cefta-2006")!);
        Assert.Contains("Who signed CEFTA 2006?", cefta);
        Assert.DoesNotContain(cefta, q => q.Contains("the CEFTA 2006", StringComparison.Ordinal));
        Assert.Contains("When was UN Security Council Resolution 1244 adopted?", FollowUps.For(seed.Kb, seed.Kb.Get("unscr-1244")!));
        Assert.Contains("When was the Open Balkan initiative launched?", FollowUps.For(seed.Kb, seed.Kb.Get("open-balkan")!));
    }

    [GeneratedRegex(@"(?i)\b(\p{L}+)\s+\1\b")]
    private static partial Regex DoubledWord();

    [GeneratedRegex(@"\bthe (\p{Lu}[\p{L}\-–]*\s){1,3}(?<verb>\p{Ll}+s)\b")]
    private static partial Regex ArticleBeforeClause();

    [GeneratedRegex(@"\b[Tt]he \p{Lu}\p{Ll}+['’]s (?!\p{Lu})")]
    private static partial Regex ArticleBeforePossessive();

    [GeneratedRegex(@"\bthe (Signing|Conviction|Arrest|Fall|Halt|Wars|Meeting|Statement) of\b")]
    private static partial Regex ArticleBeforeCommonNoun();

    [GeneratedRegex(@"^(Tell me|Compare|Timeline of)\b")]
    private static partial Regex Imperative();
}
