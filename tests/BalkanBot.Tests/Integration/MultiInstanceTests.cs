using System.Text.Json.Nodes;
using BalkanBot.Answers;
using BalkanBot.Cards;
using BalkanBot.Channels.Slack;
using BalkanBot.Digests;
using BalkanBot.Handlers;
using BalkanBot.Knowledge;
using BalkanBot.Storage;
using BalkanBot.Tests.Storage;
using BalkanBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace BalkanBot.Tests.Integration;

/// <summary>
/// Two bot processes on one PostgreSQL database, behind no load balancer: the test sends each request to the
/// instance it chooses, as a balancer might. Slack is one fake workspace on 127.0.0.1 that both post to; each
/// instance has its own bot token, so every message says which instance sent it.
/// </summary>
[Collection(PostgresClusterDefinition.Name)]
public sealed class MultiInstanceTests(PostgresCluster cluster, ITestOutputHelper output)
{
    [PostgresFact]
    public async Task SlackEvent_RetriedToTheOtherInstance_AnsweredOnce()
    {
        await using var world = await TwoInstances.StartAsync(cluster);
        var (a, b) = (world.A, world.B);

        await a.PostEventAsync(SlackPayloadsFor.Mention("EvRetry1", "<@U0BOT> What is CEFTA?", channel: "C0RETRY", ts: "1700000100.000100"));
        await world.WaitForMessagesAsync(m => m.Channel == "C0RETRY", 1);
        // Slack did not see the first acknowledgement in time and retries; the balancer sends the retry to B.
        await b.PostEventAsync(SlackPayloadsFor.Mention("EvRetry1", "<@U0BOT> What is CEFTA?", channel: "C0RETRY", ts: "1700000100.000100"),
            new Dictionary<string, string> { ["X-Slack-Retry-Num"] = "1", ["X-Slack-Retry-Reason"] = "http_timeout" });
        await b.WaitForLogAsync("Slack event EvRetry1 already received (retry 1)");

        // Both at once: one of them claims the id, the other drops it.
        var race = SlackPayloadsFor.Mention("EvRace1", "<@U0BOT> When was the Tirana Declaration signed?", channel: "C0RACE", ts: "1700000101.000100");
        await Task.WhenAll(a.PostEventAsync(race), b.PostEventAsync(race));
        await world.WaitForMessagesAsync(m => m.Channel == "C0RACE", 1);
        await TestWait.UntilAsync(() => a.Count("Slack event EvRace1 already received") + b.Count("Slack event EvRace1 already received") == 1,
            TimeSpan.FromSeconds(30), "one instance to drop the duplicate");

        Assert.Single(world.Slack.Messages, m => m.Channel == "C0RETRY");
        Assert.Equal(TwoInstances.TokenA, world.Slack.Messages.Single(m => m.Channel == "C0RETRY").Token);
        Assert.Single(world.Slack.Messages, m => m.Channel == "C0RACE");
        output.WriteLine($"retried event: answered 1 time (by A), dropped by B; simultaneous delivery: answered 1 time, dropped by one instance");
    }

    [PostgresFact]
    public async Task FollowUp_LandingOnTheOtherInstance_LeansOnTheFirstAnswer()
    {
        await using var world = await TwoInstances.StartAsync(cluster);

        await world.A.PostEventAsync(SlackPayloadsFor.Mention("EvFollow1", "<@U0BOT> how many tanks does Serbia have", channel: "C0FOLLOW", ts: "1700000200.000100"));
        await world.WaitForMessagesAsync(m => m.Channel == "C0FOLLOW", 1);
        await world.B.PostEventAsync(SlackPayloadsFor.Mention("EvFollow2", "<@U0BOT> and Hungary?", channel: "C0FOLLOW", ts: "1700000201.000100",
            threadTs: "1700000200.000100"));
        var reply = (await world.WaitForMessagesAsync(m => m.Channel == "C0FOLLOW", 2)).Single(m => m.Token == TwoInstances.TokenB);

        // B answered the measure asked on A ("tanks") for Hungary; without the shared memory it has nothing to lean on.
        Assert.Equal("1700000200.000100", reply.ThreadTs);
        Assert.Contains("44", reply.Body.ToJsonString());
        using var kb = KnowledgeBase.Open(SlackTestKnowledge.DatabasePath);
        Assert.DoesNotContain("44", new AnswerEngine(kb, IntentHandlers.All()).Answer(new Question("and Hungary?", "slack", "C0FOLLOW:fresh")).Text);
    }

    [PostgresFact]
    public async Task FeedbackAndSubscriptions_WrittenOnOneInstance_SeenOnTheOther()
    {
        await using var world = await TwoInstances.StartAsync(cluster);
        var (a, b, slack) = (world.A, world.B, world.Slack);

        await a.PostCommandAsync("subscribe weekly Kosovo", "C0SUBS", slack.ResponseUrl("sub-a"));
        await world.WaitForHookAsync("/hooks/sub-a", "Subscribed: weekly digest (Kosovo)");
        await b.PostCommandAsync("subscriptions", "C0SUBS", slack.ResponseUrl("list-b"));
        await world.WaitForHookAsync("/hooks/list-b", "weekly digest");
        await b.PostCommandAsync("unsubscribe", "C0SUBS", slack.ResponseUrl("unsub-b"));
        await world.WaitForHookAsync("/hooks/unsub-b", "Unsubscribed");
        await a.PostCommandAsync("subscriptions", "C0SUBS", slack.ResponseUrl("list-a"));
        var after = await world.WaitForHookAsync("/hooks/list-a", "");
        Assert.DoesNotContain("weekly digest", after);

        // An answer from A, rated on B.
        await a.PostEventAsync(SlackPayloadsFor.Mention("EvRate1", "<@U0BOT> What is CEFTA?", channel: "C0RATE", ts: "1700000300.000100"));
        var answer = (await world.WaitForMessagesAsync(m => m.Channel == "C0RATE", 1))[0];
        var feedback = answer.Body["blocks"]!.AsArray().Single(x => (string?)x!["type"] == "context_actions")!["elements"]![0]!;
        Assert.Equal(BlockKitActions.Feedback, (string?)feedback["action_id"]);
        await b.PostInteractionAsync(SlackPayloadsFor.BlockAction(BlockKitActions.Feedback, (string)feedback["positive_button"]!["value"]!, channel: "C0RATE",
            responseUrl: slack.ResponseUrl("rate-b"), messageTs: answer.Ts));
        await world.WaitForHookAsync("/hooks/rate-b", "Thanks");
        var stored = Assert.Single(await world.ReadFeedbackAsync());
        Assert.Equal(("slack", "What is CEFTA?", "up"), (stored.Channel, stored.Question, stored.Rating));
    }

    [PostgresFact]
    public async Task Digests_BothInstancesRunTheScheduler_EachPeriodDeliveredOnce()
    {
        await using var world = await TwoInstances.StartAsync(cluster, digests: true);
        const int Conversations = 30;
        var subscriptions = await world.SubscribeDueAsync(Conversations);

        await world.WaitForDeliveredAsync(subscriptions);
        // A clean stop lets each scheduler finish the pass it is in: after it, no late send can still arrive.
        await Task.WhenAll(world.A.StopAsync(), world.B.StopAsync());

        var digests = world.Slack.Messages.Where(m => m.BlockId?.StartsWith("digest-", StringComparison.Ordinal) == true).ToList();
        var duplicates = digests.GroupBy(m => m.BlockId).Count(g => g.Count() > 1);
        output.WriteLine($"{Conversations} periods due; {digests.Count} digests posted ({digests.Count(m => m.Token == TwoInstances.TokenA)} by A, " +
                         $"{digests.Count(m => m.Token == TwoInstances.TokenB)} by B); {duplicates} duplicates");
        Assert.Equal(0, duplicates);
        Assert.Equal(Conversations, digests.Count);
        Assert.Equal(subscriptions.Select(s => s.ConversationId).Order(), digests.Select(m => m.Channel).Order());
    }

    [PostgresFact]
    public async Task Digests_OneInstanceKilledMidDelivery_OtherTakesOverNoneLostNoneTwice()
    {
        await using var world = await TwoInstances.StartAsync(cluster, digests: true);
        // Whichever instance posts first is the victim: its posts arrive in the workspace but are never answered.
        world.Slack.HoldFirstPoster = true;
        const int Conversations = 12;
        var subscriptions = await world.SubscribeDueAsync(Conversations);

        var held = await world.Slack.FirstHeld.WaitAsync(TimeSpan.FromSeconds(60));
        var (victim, survivor) = held.Token == TwoInstances.TokenA ? (world.A, world.B) : (world.B, world.A);
        await victim.KillAsync();
        var heldCount = world.Slack.Messages.Count(m => m.Token == held.Token);

        await world.WaitForDeliveredAsync(subscriptions);
        await survivor.StopAsync();

        var digests = world.Slack.Messages.Where(m => m.BlockId?.StartsWith("digest-", StringComparison.Ordinal) == true).ToList();
        var duplicates = digests.GroupBy(m => m.BlockId).Count(g => g.Count() > 1);
        var confirmed = survivor.Count("was in flight when a process stopped; the channel confirms it arrived");
        output.WriteLine($"{Conversations} periods due; {victim.Name} killed with {heldCount} post(s) on the wire; {digests.Count} digests in the workspace " +
                         $"({digests.Count(m => m.Token == held.Token)} from {victim.Name}, {digests.Count(m => m.Token != held.Token)} from {survivor.Name}); " +
                         $"{confirmed} in-doubt deliveries confirmed by lookup instead of resent; {duplicates} duplicates; " +
                         $"{Conversations - digests.Select(m => m.BlockId).Distinct().Count()} lost");
        Assert.True(heldCount >= 1);
        Assert.Equal(0, duplicates);
        Assert.Equal(Conversations, digests.Count);
        Assert.Equal(subscriptions.Select(s => s.ConversationId).Order(), digests.Select(m => m.Channel).Order());
        Assert.Equal(heldCount, confirmed);
    }
}

/// <summary>One fresh database, one fake workspace, and bot processes A and B configured alike but for their tokens.</summary>
internal sealed class TwoInstances : IAsyncDisposable
{
    public const string TokenA = "xoxb-instance-a";
    public const string TokenB = "xoxb-instance-b";
    private readonly string _dir;
    private readonly PostgresDatabase _database;

    private TwoInstances(string connection, SlackWorkspaceFake slack, string dir)
    {
        Connection = connection;
        Slack = slack;
        _dir = dir;
        _database = new PostgresDatabase(Options.Create(new StorageOptions { PostgreSql = connection }), NullLogger<PostgresDatabase>.Instance);
    }

    public string Connection { get; }
    public SlackWorkspaceFake Slack { get; }
    public BotProcess A { get; private set; } = null!;
    public BotProcess B { get; private set; } = null!;

    public static async Task<TwoInstances> StartAsync(PostgresCluster cluster, bool digests = false)
    {
        var connection = await cluster.CreateDatabaseAsync();
        var slack = await SlackWorkspaceFake.StartAsync();
        var world = new TwoInstances(connection, slack, Directory.CreateTempSubdirectory("balkanbot-multi-").FullName);
        try
        {
            // Started together, so they also race to migrate the new database.
            var started = await Task.WhenAll(world.StartOneAsync("A", TokenA, digests), world.StartOneAsync("B", TokenB, digests));
            (world.A, world.B) = (started[0], started[1]);
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
        return world;
    }

    private async Task<BotProcess> StartOneAsync(string name, string token, bool digests)
    {
        // Each instance has its own knowledge file, as it would on its own machine.
        var kb = Path.Combine(_dir, $"knowledge-{name}.db");
        File.Copy(SlackTestKnowledge.DatabasePath, kb);
        var settings = new Dictionary<string, string>
        {
            ["Storage:PostgreSql"] = Connection,
            ["Knowledge:Database"] = kb,
            ["Knowledge:AppDatabase"] = Path.Combine(_dir, $"app-{name}.db"),
            ["Knowledge:BuildOnStart"] = "false",
            ["Slack:SigningSecret"] = SlackTestHost.Secret,
            ["Slack:BotToken"] = token,
            ["Slack:ApiBaseUrl"] = Slack.ApiBaseUrl,
            ["Slack:RetryBaseDelayMilliseconds"] = "20",
            ["Digests:Enabled"] = digests ? "true" : "false",
            ["Digests:Schedules:weekly:Cron"] = "0 0 8 ? * MON",
            ["Digests:Schedules:weekly:SendEmpty"] = "true",
            // Short enough that a dead instance's claims lapse within the test, long enough for a local send.
            ["Digests:Lease"] = "00:00:03",
            ["Digests:PollInterval"] = "00:00:01",
        };
        return await BotProcess.StartAsync(name, settings);
    }

    /// <summary>Subscriptions due now, each in its own channel, written straight to the shared database.</summary>
    public async Task<IReadOnlyList<Subscription>> SubscribeDueAsync(int count)
    {
        var store = new PostgresDigestStore(_database);
        var now = DateTimeOffset.UtcNow;
        var list = new List<Subscription>();
        for (var i = 0; i < count; i++)
            list.Add((await store.SubscribeAsync(new NewSubscription("slack", $"C0DIG{i:D3}", "weekly", DigestFilter.None, "U0USER", now, now))).Subscription);
        return list;
    }

    /// <summary>Waits until every subscription's delivery row is final (sent, skipped, failed or cancelled).</summary>
    public async Task WaitForDeliveredAsync(IReadOnlyList<Subscription> subscriptions)
    {
        var store = new PostgresDigestStore(_database);
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var rows = new List<DigestDelivery>();
            foreach (var s in subscriptions) rows.AddRange(await store.DeliveriesAsync(s.Id));
            if (rows.Count == subscriptions.Count && rows.All(r => r.Status is not (DeliveryStatus.Pending or DeliveryStatus.Sending)))
            {
                Assert.All(rows, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
                return;
            }
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Deliveries not final: {string.Join(", ", rows.Select(r => $"{r.Id}:{r.Status}"))}\nA:\n{A.Output}\nB:\n{B.Output}");
            await Task.Delay(50);
        }
    }

    public async Task<IReadOnlyList<PostedMessage>> WaitForMessagesAsync(Func<PostedMessage, bool> match, int count)
    {
        await TestWait.UntilAsync(() => Slack.Messages.Count(match) >= count, TimeSpan.FromSeconds(60), $"{count} message(s)");
        return Slack.Messages.Where(match).ToList();
    }

    public async Task<string> WaitForHookAsync(string path, string contains)
    {
        await TestWait.UntilAsync(() => Slack.Hooks.Any(h => h.Path == path && h.Body.Contains(contains, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60), $"a post to {path} with \"{contains}\"");
        return Slack.Hooks.First(h => h.Path == path).Body;
    }

    public Task<IReadOnlyList<Feedback>> ReadFeedbackAsync() =>
        new PostgresAppStore(_database, TimeProvider.System, NullLogger<PostgresAppStore>.Instance).RecentFeedbackAsync(10);

    public async ValueTask DisposeAsync()
    {
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        await Slack.DisposeAsync();
        await _database.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
