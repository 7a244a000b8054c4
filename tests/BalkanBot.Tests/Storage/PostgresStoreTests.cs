using BalkanBot.Answers;
using BalkanBot.Channels.Slack;
using BalkanBot.Digests;
using BalkanBot.Knowledge;
using BalkanBot.Routing;
using BalkanBot.Storage;
using BalkanBot.Tests.Digests;
using BalkanBot.Tests.Integration;
using BalkanBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace BalkanBot.Tests.Storage;

/// <summary>
/// The PostgreSQL stores against a real server, each "instance" with its own data source and objects on one
/// database, as two processes would have. The two-process versions are in Integration/MultiInstanceTests.
/// </summary>
[Collection(PostgresClusterDefinition.Name)]
public sealed class PostgresStoreTests(PostgresCluster cluster) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero));
    private readonly List<PostgresDatabase> _databases = [];
    private string _connection = "";

    public async Task InitializeAsync() => _connection = await cluster.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var db in _databases) await db.DisposeAsync();
    }

    private PostgresDatabase Instance(string? connection = null)
    {
        var db = new PostgresDatabase(Options.Create(new StorageOptions { PostgreSql = connection ?? _connection }), NullLogger<PostgresDatabase>.Instance);
        _databases.Add(db);
        return db;
    }

    [PostgresFact]
    public async Task Migrate_TwoInstancesStartingTogether_ApplyEachVersionOnce()
    {
        var (a, b) = (Instance(), Instance());
        var applied = await Task.WhenAll(a.MigrateAsync(), b.MigrateAsync());

        Assert.Equal(Enumerable.Range(1, PostgresMigrations.Latest), applied.SelectMany(v => v).Order());
        await using var db = await Instance().OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*), max(version) FROM schema_version", db);
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        Assert.Equal((PostgresMigrations.Latest, PostgresMigrations.Latest), ((int)r.GetInt64(0), r.GetInt32(1)));
    }

    [PostgresFact]
    public async Task RunDue_TwoRunnersOnOneDatabase_DeliverEachPeriodExactlyOnce()
    {
        using var kb = KnowledgeBase.Open(SlackTestKnowledge.DatabasePath);
        var options = DigestOptions.WithDefaults();
        var schedules = options.BuildSchedules();
        var (storeA, storeB) = (new PostgresDigestStore(Instance()), new PostgresDigestStore(Instance()));
        var now = _clock.GetUtcNow();
        const int Conversations = 40;
        for (var i = 0; i < Conversations; i++)
            await (i % 2 == 0 ? storeA : storeB).SubscribeAsync(new NewSubscription("slack", $"C{i:D3}", "weekly", DigestFilter.None, "u", now, schedules["weekly"].Next(now)));
        var (senderA, senderB) = (new FakeSender(), new FakeSender());
        DigestRunner Runner(IDigestStore store, FakeSender sender) =>
            new(store, new DigestComposer(kb), [sender], Microsoft.Extensions.Options.Options.Create(options), _clock, NullLogger<DigestRunner>.Instance);
        var (a, b) = (Runner(storeA, senderA), Runner(storeB, senderB));

        _clock.SetUtcNow(schedules["weekly"].Next(now));
        var first = await Task.WhenAll(a.RunDueAsync(), b.RunDueAsync());
        var again = await Task.WhenAll(a.RunDueAsync(), b.RunDueAsync());

        var keys = senderA.Sent.Concat(senderB.Sent).Select(s => s.Key).ToList();
        Assert.Equal(Conversations, keys.Count);
        Assert.Equal(Conversations, keys.Distinct().Count());
        Assert.Equal(Conversations, first.Sum(s => s.Opened));
        Assert.Equal(Conversations, first.Sum(s => s.Sent));
        Assert.All(again, s => Assert.Equal(0, s.Opened + s.Sent));
        foreach (var sub in await AllSubscriptionsAsync(storeA, Conversations))
            Assert.Equal(DeliveryStatus.Sent, Assert.Single(await storeB.DeliveriesAsync(sub.Id)).Status);
    }

    [PostgresFact]
    public async Task TryClaim_RowClaimedByAnotherInstance_RefusedUntilItsLeaseLapses()
    {
        var (storeA, storeB) = (new PostgresDigestStore(Instance()), new PostgresDigestStore(Instance()));
        var now = _clock.GetUtcNow();
        var (sub, _) = await storeA.SubscribeAsync(new NewSubscription("slack", "C1", "weekly", DigestFilter.None, "u", now, now));
        Assert.True(await storeA.OpenDeliveryAsync(sub.Id, now, now.AddDays(7), now));
        Assert.False(await storeB.OpenDeliveryAsync(sub.Id, now, now.AddDays(7), now));
        var row = Assert.Single(await storeB.ReadyDeliveriesAsync(now));

        Assert.True(await storeA.TryClaimAsync(row, now, TimeSpan.FromSeconds(30)));
        Assert.False(await storeB.TryClaimAsync(row, now, TimeSpan.FromSeconds(30)));
        Assert.Empty(await storeB.ReadyDeliveriesAsync(now.AddSeconds(29)));
        var lapsed = Assert.Single(await storeB.ReadyDeliveriesAsync(now.AddSeconds(31)));
        Assert.True(await storeB.TryClaimAsync(lapsed, now.AddSeconds(31), TimeSpan.FromSeconds(30)));
        Assert.False(await storeA.TryClaimAsync(lapsed, now.AddSeconds(31), TimeSpan.FromSeconds(30)));
    }

    [PostgresFact]
    public async Task FeedbackAndSubscriptions_WrittenByOneInstance_SeenByTheOther()
    {
        var (appA, appB) = (new PostgresAppStore(Instance(), _clock, NullLogger<PostgresAppStore>.Instance),
            new PostgresAppStore(Instance(), _clock, NullLogger<PostgresAppStore>.Instance));
        var now = _clock.GetUtcNow();
        await appA.AddFeedbackAsync(new Feedback("slack", "C1:1", "U1", "What is CEFTA?", "up", null, now));
        var seen = Assert.Single(await appB.RecentFeedbackAsync(10));
        Assert.Equal(("slack", "What is CEFTA?", "up", now), (seen.Channel, seen.Question, seen.Rating, seen.At));
        Assert.Null(await appB.CheckAsync());

        var (digestsA, digestsB) = (new PostgresDigestStore(Instance()), new PostgresDigestStore(Instance()));
        var (made, created) = await digestsA.SubscribeAsync(new NewSubscription("teams", "19:c", "daily", DigestFilter.None, "u", now, now.AddDays(1)));
        var (again, createdAgain) = await digestsB.SubscribeAsync(new NewSubscription("teams", "19:c", "daily", DigestFilter.None, "u", now, now.AddDays(1)));
        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(made.Id, again.Id);
        Assert.Equal(1, await digestsB.UnsubscribeAsync("teams", "19:c", null, "user", now));
        Assert.Empty(await digestsA.SubscriptionsAsync("teams", "19:c"));
    }

    [PostgresFact]
    public async Task CheckAsync_ServerUnreachable_ReportsWithoutTheConnectionString()
    {
        var missing = new NpgsqlConnectionStringBuilder(_connection) { Host = "/nonexistent-socket-dir", Password = "s3cret-do-not-show", Timeout = 2 }.ToString();
        var app = new PostgresAppStore(Instance(missing), _clock, NullLogger<PostgresAppStore>.Instance);

        var problem = await app.CheckAsync();

        Assert.NotNull(problem);
        Assert.StartsWith("PostgreSQL:", problem);
        Assert.DoesNotContain("s3cret", problem);
    }

    [PostgresFact]
    public async Task SlackEvent_ClaimedOnBothInstancesAtOnce_OnlyOneWins()
    {
        var a = new SharedSlackEventDeduper(Instance(), _clock, NullLogger<SharedSlackEventDeduper>.Instance);
        var b = new SharedSlackEventDeduper(Instance(), _clock, NullLogger<SharedSlackEventDeduper>.Instance);
        var ids = Enumerable.Range(0, 50).Select(i => $"Ev{i:D4}").ToList();

        var claims = await Task.WhenAll(ids.SelectMany(id => new[] { a.TryClaimAsync(id).AsTask(), b.TryClaimAsync(id).AsTask() }));

        Assert.Equal(ids.Count, claims.Count(c => c));
        Assert.False(await a.TryClaimAsync("Ev0001"));
        await b.ReleaseAsync("Ev0001"); // could not be queued there: Slack's retry must be answered
        Assert.True(await a.TryClaimAsync("Ev0001"));
        _clock.Advance(SlackEventDeduper.Window + TimeSpan.FromSeconds(1));
        Assert.True(await b.TryClaimAsync("Ev0002")); // an id older than the window counts as new
    }

    [PostgresFact]
    public async Task Conversation_SavedByOneInstance_LoadedByTheOtherUntilItExpires()
    {
        var options = Options.Create(new StorageOptions { ConversationExpiry = TimeSpan.FromMinutes(30) });
        var a = new SharedConversationStore(Instance(), _clock, options, NullLogger<SharedConversationStore>.Instance);
        var b = new SharedConversationStore(Instance(), _clock, options, NullLogger<SharedConversationStore>.Instance);
        var first = State("first", _clock.GetUtcNow());
        a.Put("slack", "C1:1", first);
        await a.SaveAsync("slack", "C1:1");

        await b.LoadAsync("slack", "C1:1");
        var loaded = b.Find("slack", "C1:1");
        Assert.NotNull(loaded);
        Assert.Equal(("first", first.FocusIds[0], "Q1"), (loaded.LastAnswer.Title, loaded.FocusIds[0], loaded.Period!.Label));

        // B answers later; A still holds the older state and writes it back: the newer one stays.
        _clock.Advance(TimeSpan.FromMinutes(1));
        b.Put("slack", "C1:1", State("second", _clock.GetUtcNow()));
        await b.SaveAsync("slack", "C1:1");
        await a.SaveAsync("slack", "C1:1");
        await a.LoadAsync("slack", "C1:1");
        Assert.Equal("second", a.Find("slack", "C1:1")!.LastAnswer.Title);

        _clock.Advance(TimeSpan.FromMinutes(31));
        await a.LoadAsync("slack", "C1:1");
        Assert.Null(a.Find("slack", "C1:1"));
    }

    private static ConversationState State(string title, DateTimeOffset at) =>
        new(new Answer { Question = "q", Answered = true, Intent = IntentKind.Date, Title = title, Text = "t [1]", RecordIds = ["cefta"] },
            ["cefta"], "gdp", new Period(new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31), "Q1"), at);

    private static async Task<List<Subscription>> AllSubscriptionsAsync(PostgresDigestStore store, int count)
    {
        var list = new List<Subscription>();
        for (var i = 0; i < count; i++) list.AddRange(await store.SubscriptionsAsync("slack", $"C{i:D3}"));
        return list;
    }
}
