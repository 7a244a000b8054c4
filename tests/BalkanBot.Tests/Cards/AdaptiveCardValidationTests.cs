using BalkanBot.Answers;
using BalkanBot.Cards;
using BalkanBot.Handlers;
using BalkanBot.Tests.Integration;
using BalkanBot.Tests.TestSupport;
using Xunit.Abstractions;
using YamlDotNet.Serialization;

namespace BalkanBot.Tests.Cards;

/// <summary>
/// Every card the bot can produce for the whole evaluation question set (plus welcome, error, notice, "show more"
/// pages and rated cards) goes through the official Adaptive Cards renderer at schema 1.5: tests/js/validate-cards.js
/// must report zero errors and zero warnings.
/// </summary>
[Trait("Category", "E2E")]
public sealed class AdaptiveCardValidationTests(SeedKnowledge seed, ITestOutputHelper output) : IClassFixture<SeedKnowledge>
{
    [NodeFact]
    public async Task Validate_CardsForEvaluationSet_NoErrorsOrWarnings()
    {
        var dir = Directory.CreateTempSubdirectory("balkanbot-cards-").FullName;
        var sizes = new List<(string Name, int Bytes)>();
        void Write(string name, AdaptiveCard card)
        {
            var bytes = AdaptiveCardJson.SerializeToUtf8(card);
            sizes.Add((name, bytes.Length));
            File.WriteAllBytes(Path.Combine(dir, name + ".json"), bytes);
        }

        var questions = EvaluationQuestions();
        Assert.True(questions.Count >= 100, $"only {questions.Count} evaluation questions found");
        var engine = new AnswerEngine(seed.Kb, IntentHandlers.All());
        for (var i = 0; i < questions.Count; i++)
        {
            var (q, context) = questions[i];
            var conversation = $"eval-{i}";
            foreach (var c in context) engine.Answer(new Question(c, "cards", conversation));
            var answer = engine.Answer(new Question(q, "cards", conversation));
            var id = $"a{i}";
            Write($"{i:000}-answer", AdaptiveCardRenderer.Render(answer, new CardRenderOptions(id, EchoQuestion: i % 2 == 0)));
            if (i % 10 == 0) Write($"{i:000}-rated", AdaptiveCardRenderer.Render(answer, new CardRenderOptions(id, FeedbackGiven: "up")));
            foreach (var section in new[] { "facts", "rows", "timeline", "conflicts", "views", "sources" })
                Write($"{i:000}-{section}-page", AdaptiveCardRenderer.RenderMore(answer, section, 0, id));
        }
        Write("welcome", AdaptiveCardRenderer.Welcome(ExampleQuestions.All, "340 sourced records from 3 documents"));
        Write("error", AdaptiveCardRenderer.Error("I could not answer that just now.", "What is CEFTA?"));
        Write("notice", AdaptiveCardRenderer.Notice("That button has expired", "Ask again:", ["What is CEFTA?"]));
        Write("synthetic-full", AdaptiveCardRenderer.Render(CardSamples.Full(items: 40), new CardRenderOptions("s1")));
        Write("synthetic-huge", AdaptiveCardRenderer.Render(CardSamples.Full(items: 400, textLength: 3000), new CardRenderOptions("s2")));

        var (exit, report) = await TeamsNode.RunAsync("validate-cards.js", [dir], TimeSpan.FromMinutes(3));

        var answers = sizes.Where(s => s.Name.EndsWith("-answer", StringComparison.Ordinal)).ToList();
        var largest = sizes.MaxBy(s => s.Bytes);
        var largestAnswer = answers.MaxBy(s => s.Bytes);
        output.WriteLine($"{sizes.Count} cards from {questions.Count} questions; largest {largest.Name} {largest.Bytes / 1024.0:0.0} KB; " +
                         $"largest answer {largestAnswer.Name} {largestAnswer.Bytes / 1024.0:0.0} KB; median answer {Median(answers.Select(s => s.Bytes)) / 1024.0:0.0} KB");
        output.WriteLine(report.Length > 4000 ? report[..4000] : report);
        Assert.True(exit == 0, report);
        Assert.All(sizes, s => Assert.True(s.Bytes <= AdaptiveCardJson.MaxCardBytes, $"{s.Name}: {s.Bytes} bytes"));
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>Each question with the questions asked before it in its conversation.</summary>
    private static List<(string Question, List<string> Context)> EvaluationQuestions()
    {
        var path = Path.Combine(SeedKnowledge.RepositoryRoot, "tests", "eval", "questions.yaml");
        var items = new DeserializerBuilder().Build().Deserialize<List<Dictionary<string, object>>>(File.ReadAllText(path));
        return items.Where(i => i.ContainsKey("q"))
            .Select(i => (i["q"].ToString()!, i.TryGetValue("context", out var c) && c is List<object> list ? list.Select(x => x.ToString()!).ToList() : []))
            .ToList();
    }

    private static double Median(IEnumerable<int> values)
    {
        var v = values.OrderBy(x => x).ToList();
        return v.Count == 0 ? 0 : v[v.Count / 2];
    }
}
