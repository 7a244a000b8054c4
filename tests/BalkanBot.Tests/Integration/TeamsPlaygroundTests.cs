using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace BalkanBot.Tests.Integration;

/// <summary>
/// End to end with a real Teams test client: the Microsoft 365 Agents Playground (tests/js/playground-e2e.js drives
/// it headless) talks to the bot on a real port as Teams would: install, questions of five intents in personal chat,
/// a follow-up button, a 👍, @mentions in a team channel and a group chat. Every card that comes back must pass the
/// official renderer check.
/// </summary>
[Trait("Category", "E2E")]
public sealed class TeamsPlaygroundTests(ITestOutputHelper output)
{
    private static readonly object[] Steps =
    [
        new { install = true, expect = new { minCards = 1, textIncludes = "Try one of these" } },
        new { say = "What is the Tirana Declaration?", expect = new { minCards = 1, textIncludes = "18 March 2025" } },
        new { press = "What do the sources say about the Tirana Declaration?", expect = new { minCards = 1, textIncludes = "You asked: What do the sources say about the Tirana Declaration?" } },
        new { say = "Compare the Serbia–Hungary and Albania–Croatia–Kosovo blocs", expect = new { minCards = 1, textIncludes = "no data" } },
        new { say = "What happened in Republika Srpska in March 2025?", expect = new { minCards = 1, textIncludes = "Timeline" } },
        new { say = "How many troops does KFOR have?", expect = new { minCards = 1, textIncludes = "3,700" } },
        new { say = "When was UNSCR 1244 adopted?", expect = new { minCards = 1, textIncludes = "10 June 1999" } },
        new { press = "Helpful", expect = new { minCards = 1, textIncludes = "was recorded" } },
        new { say = "help", @in = "team", expect = new { minCards = 1, textIncludes = "What BalkanBot can answer" } },
        new { say = "How many troops does KFOR have?", @in = "groupChat", expect = new { minCards = 1, textIncludes = "KFOR" } },
    ];

    [NodeFact]
    public async Task Playground_QuestionsFollowUpAndFeedback_AllStepsPassAndCardsValidate()
    {
        await using var bot = await TeamsLiveBot.StartAsync();
        var dir = Directory.CreateTempSubdirectory("balkanbot-playground-").FullName;
        var steps = Path.Combine(dir, "steps.json");
        var result = Path.Combine(dir, "out.json");
        await File.WriteAllTextAsync(steps, JsonSerializer.Serialize(Steps));
        var clock = Stopwatch.StartNew();

        var (exit, log) = await TeamsNode.RunAsync("playground-e2e.js", [steps, "--out", result], TimeSpan.FromMinutes(4),
            new Dictionary<string, string> { ["BOT_ENDPOINT"] = bot.Url + "/api/messages", ["PLAYGROUND_PORT"] = TestServers.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture) });

        output.WriteLine($"playground run {clock.ElapsedMilliseconds} ms\n{log}");
        Assert.True(exit == 0, log);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(result));
        var cards = Cards(doc.RootElement).ToList();
        Assert.True(cards.Count >= Steps.Length, $"{cards.Count} cards for {Steps.Length} steps");

        var cardDir = Directory.CreateDirectory(Path.Combine(dir, "cards")).FullName;
        for (var i = 0; i < cards.Count; i++) await File.WriteAllTextAsync(Path.Combine(cardDir, $"{i:00}.json"), cards[i].GetRawText());
        var (validExit, report) = await TeamsNode.RunAsync("validate-cards.js", [cardDir], TimeSpan.FromMinutes(1));
        output.WriteLine(report);
        Assert.True(validExit == 0, report);
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>Cards from bot messages and from invoke responses, in step order.</summary>
    private static IEnumerable<JsonElement> Cards(JsonElement run)
    {
        foreach (var step in run.GetProperty("steps").EnumerateArray())
        {
            if (step.TryGetProperty("replies", out var replies))
                foreach (var reply in replies.EnumerateArray())
                    if (reply.GetProperty("message").TryGetProperty("attachments", out var attachments))
                        foreach (var a in attachments.EnumerateArray())
                            if (a.GetProperty("contentType").GetString() == "application/vnd.microsoft.card.adaptive")
                                yield return a.GetProperty("content");
            if (step.TryGetProperty("invokeResponse", out var invoke) && invoke.TryGetProperty("type", out var type)
                && type.GetString() == "application/vnd.microsoft.card.adaptive")
                yield return invoke.GetProperty("value");
        }
    }
}
