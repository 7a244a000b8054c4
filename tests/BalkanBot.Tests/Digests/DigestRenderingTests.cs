using System.Text.Json;
using BalkanBot.Cards;
using BalkanBot.Digests;
using BalkanBot.Knowledge;
using BalkanBot.Tests.Integration;
using static BalkanBot.Tests.Digests.DigestScheduleTests;

namespace BalkanBot.Tests.Digests;

/// <summary>Digest cards pass the same Adaptive Card check as answers; digest blocks stay within Slack's limits.</summary>
public class DigestRenderingTests
{
    [NodeFact]
    public async Task DigestCard_FullAndEmpty_PassTheRendererCheck()
    {
        using var world = new DigestWorld(Utc(2026, 3, 27, 9));
        var (full, empty) = await DigestsAsync(world);
        var dir = Directory.CreateTempSubdirectory("balkanbot-digest-cards-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "full.json"), AdaptiveCardJson.Serialize(DigestCard.Render(full, "digest-1-20260330T060000Z")));
            await File.WriteAllTextAsync(Path.Combine(dir, "empty.json"), AdaptiveCardJson.Serialize(DigestCard.Render(empty)));
            await File.WriteAllTextAsync(Path.Combine(dir, "preview.json"),
                AdaptiveCardJson.Serialize(AdaptiveCardRenderer.Render(DigestAnswer.From(full, "digest now"))));

            var (code, output) = await TeamsNode.RunAsync("validate-cards.js", [dir], TimeSpan.FromSeconds(60));

            Assert.True(code == 0, output);
            Assert.Contains("cards: 3, errors: 0, warnings: 0", output);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public async Task DigestCard_Full_HasCrisisWatchSectionsSourcesAndAskButtons()
    {
        using var world = new DigestWorld(Utc(2026, 3, 27, 9));
        var (full, _) = await DigestsAsync(world);
        var json = AdaptiveCardJson.Serialize(DigestCard.Render(full));

        foreach (var heading in new[] { "Headlines", "New agreements", "Incidents and events", "New and changed figures", "Sources" })
            Assert.Contains($"\"text\":\"{heading}\"", json);
        Assert.Contains("→", json);
        Assert.Contains("\"verb\":\"followUp\"", json);
        Assert.True(AdaptiveCardJson.Size(DigestCard.Render(full)) < AdaptiveCardJson.MaxCardBytes);
        Assert.Contains("more not listed here", json); // 12 incidents, 8 shown
    }

    [Fact]
    public async Task DigestBlocks_FullAndEmpty_WithinSlackLimitsWithFallbackAndAskButtons()
    {
        using var world = new DigestWorld(Utc(2026, 3, 27, 9));
        var (full, empty) = await DigestsAsync(world);

        var m = DigestBlocks.Render(full, "digest-7-20260330T060000Z");
        var e = DigestBlocks.Render(empty);

        Assert.Empty(BlockKitLimits.Violations(m.Blocks));
        Assert.Empty(BlockKitLimits.Violations(e.Blocks));
        Assert.Equal("digest-7-20260330T060000Z", m.Blocks[0].BlockId);
        Assert.Contains("Incidents and events", m.Text);
        Assert.Contains(Digest.NothingNew, e.Text);
        var asks = m.Blocks.OfType<ActionsBlock>().Single().Elements;
        Assert.All(asks, b => Assert.StartsWith(BlockKitActions.FollowUpPrefix, b.ActionId));
        Assert.Contains(asks, b => b.Value.StartsWith("Tell me about the", StringComparison.Ordinal));
        var json = JsonSerializer.Serialize<IReadOnlyList<SlackBlock>>(m.Blocks, BlockKitJsonContext.Default.IReadOnlyListSlackBlock);
        Assert.Contains("\"type\":\"header\"", json);
    }

    /// <summary>A week in which 12 incidents, two agreements and three figures arrived, and one with nothing new.</summary>
    private static async Task<(Digest Full, Digest Empty)> DigestsAsync(DigestWorld world)
    {
        await world.BuildAsync(DigestWorld.Seed);
        var since = world.Clock.GetUtcNow();
        world.Clock.Advance(TimeSpan.FromDays(1));
        var events = Enumerable.Range(1, 12).Select(i => DigestWorld.NewEvent($"test-{i}", $"Test incident {i} <with> & markup", $"2026-03-{i + 10:D2}",
            i % 2 == 0 ? "kosovo" : "serbia", i % 2 == 0 ? "kosovo-police" : "serbia"));
        var agreements = DigestWorld.Seed.Where(r => r.Kind == RecordKind.Agreement).Take(2).Select(a => a with { Status = "in force (test)" });
        var figures = DigestWorld.Seed.Where(r => r.Kind == RecordKind.Figure).Take(3).Select(f => f with { ValueText = (f.ValueText ?? "") + " (revised)" });
        var kb = await world.BuildAsync(DigestWorld.With([.. events, .. agreements, .. figures]));
        var until = world.Clock.GetUtcNow();
        var composer = new DigestComposer(kb);
        var zone = world.Schedules["weekly"].Zone;
        var full = composer.Compose(await world.Store.ChangesAsync(since, until), DigestFilter.None, since, until, "weekly", zone);
        var empty = composer.Compose([], DigestFilter.None, until, until + TimeSpan.FromDays(7), "weekly", zone);
        return (full, empty);
    }
}
