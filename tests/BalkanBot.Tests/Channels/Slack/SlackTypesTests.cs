using System.Text.Json;
using System.Text.Json.Nodes;
using BalkanBot.Answers;
using BalkanBot.Cards;
using BalkanBot.Channels.Slack;
using BalkanBot.Digests;
using BalkanBot.Handlers;
using BalkanBot.Tests.Integration;
using BalkanBot.Tests.TestSupport;
using Xunit.Abstractions;
using YamlDotNet.Serialization;

namespace BalkanBot.Tests.Channels.Slack;

/// <summary>
/// The Block Kit the bot sends, checked against Slack's own TypeScript types (npm @slack/types, compiled with
/// tsc --noEmit --strict by tests/js/check-slack-types.js): every answer page for the evaluation questions (tables on
/// and off, with Share), the help message, and a Home view and an assistant-thread answer as the bot really posted
/// them to the fake Slack. A deliberately wrong canary proves the check bites.
/// </summary>
[Trait("Category", "E2E")]
public sealed class SlackTypesTests(SeedKnowledge seed, ITestOutputHelper output) : IClassFixture<SeedKnowledge>
{
    private const string Canary = "zz-canary";

    [NodeFact]
    public async Task Check_EveryMessageAndHomeView_CompilesAgainstSlackTypes()
    {
        var dir = Directory.CreateTempSubdirectory("balkanbot-slack-types-").FullName;
        var count = 0;
        void Write(string name, JsonNode blocks, string kind = "blocks")
        {
            File.WriteAllText(Path.Combine(dir, $"{name}.{kind}.json"), blocks.ToJsonString());
            count++;
        }
        void WriteMessage(string name, BlockKitMessage m) =>
            Write(name, JsonNode.Parse(JsonSerializer.Serialize(m.Blocks, BlockKitJsonContext.Default.IReadOnlyListSlackBlock))!);

        var engine = new AnswerEngine(seed.Kb, IntentHandlers.All());
        var questions = EvaluationQuestions();
        Assert.True(questions.Count >= 100, $"only {questions.Count} evaluation questions found");
        for (var i = 0; i < questions.Count; i++)
        {
            var (q, context) = questions[i];
            foreach (var c in context) engine.Answer(new Question(c, "slack", $"eval-{i}"));
            var answer = engine.Answer(new Question(q, "slack", $"eval-{i}"));
            var first = BlockKitRenderer.Render(answer, "0123456789abcdef");
            WriteMessage($"{i:000}-answer", first);
            if (answer.Comparison is not null)
                WriteMessage($"{i:000}-fields", BlockKitRenderer.Render(answer, "k", options: new BlockKitOptions(Tables: false)));
            if (i % 7 == 0) WriteMessage($"{i:000}-share", BlockKitRenderer.Render(answer, "k", options: new BlockKitOptions(Share: true)));
            for (var (page, next) = (1, first.NextStart); next is { } n && page < 10; page++)
            {
                var more = BlockKitRenderer.Render(answer, "k", n);
                WriteMessage($"{i:000}-page{page}", more);
                next = more.NextStart;
            }
        }
        WriteMessage("help", new BlockKitMessage("help", new SlackHelp(engine).Message("/balkan").Blocks!, null));
        WriteMessage("subscribe-reply", new BlockKitMessage("x",
            SlackDigestCommands.Render(engine.Answer(new Question("help", "slack", "sub"))).Blocks!, null));

        var (home, assistant) = await PostedBySlackHostAsync();
        Write("home", home, "home");
        Write("assistant-answer", assistant);
        Write(Canary, JsonNode.Parse("""[{"type":"section","colour":"red","text":{"type":"mrkdwn","text":"x"}}]""")!);

        var (exit, report) = await TeamsNode.RunAsync("check-slack-types.js", [dir], TimeSpan.FromMinutes(4));
        output.WriteLine($"{count} payloads from {questions.Count} questions");
        output.WriteLine(report.Length > 4000 ? report[..4000] : report);
        Assert.Equal(1, exit);
        var failing = report.Split('\n').Single(l => l.StartsWith("checked: ", StringComparison.Ordinal));
        Assert.Equal($"checked: {count}, failing: {Canary}", failing.Trim());
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>A Home view (with a digest to unsubscribe from) and an assistant-thread answer, as posted to the fake Slack.</summary>
    private static async Task<(JsonNode Home, JsonNode Assistant)> PostedBySlackHostAsync()
    {
        await using var host = await SlackTestHost.StartAsync(fake: f => f.Script("/api/users.conversations",
            new FakeReply(200, """{"ok":true,"channels":[{"id":"C0SUB"}]}""")));
        var now = DateTimeOffset.UtcNow;
        await host.Get<IDigestStore>().SubscribeAsync(new NewSubscription("slack", "C0SUB", "weekly", DigestFilter.None, "U0USER", now, now.AddDays(2)));
        await host.PostEventAsync(SlackSurfacePayloads.HomeOpened("EvTypesHome"));
        await host.PostEventAsync(SlackSurfacePayloads.ThreadMessage("EvTypesQ", "Compare the Serbia–Hungary and Albania–Croatia–Kosovo blocs", "1700000101.1"));
        var view = (await host.Fake.WaitForAsync(c => c.Path == "/api/views.publish")).Single().Json!["view"]!;
        var answer = (await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postMessage")).Single().Json!["blocks"]!;
        return (view.DeepClone(), answer.DeepClone());
    }

    private static List<(string Question, List<string> Context)> EvaluationQuestions()
    {
        var path = Path.Combine(SeedKnowledge.RepositoryRoot, "tests", "eval", "questions.yaml");
        var items = new DeserializerBuilder().Build().Deserialize<List<Dictionary<string, object>>>(File.ReadAllText(path));
        return items.Where(i => i.ContainsKey("q"))
            .Select(i => (i["q"].ToString()!, i.TryGetValue("context", out var c) && c is List<object> list ? list.Select(x => x.ToString()!).ToList() : []))
            .ToList();
    }
}
