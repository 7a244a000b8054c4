using System.Net;
using System.Reflection;
using System.Text.Json;
using BalkanBot.Channels.Slack;
using BalkanBot.Digests;
using BalkanBot.Storage;
using BalkanBot.Tests.Channels.Slack;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BalkanBot.Tests.Integration;

/// <summary>
/// When the app database cannot take a write (read-only, deleted or replaced while running) the user is told the
/// thing was not saved, the log says why, and /readyz reports unhealthy; nothing is confirmed that would be gone
/// after a restart.
/// </summary>
public sealed class AppDatabaseTests
{
    private const string NotSaved = "I could not save that subscription; please try again.";
    private static readonly Dictionary<string, string?> DigestsOn = new() { ["Digests:Enabled"] = "true" };

    /// <summary>The real digest store, except that every write fails the way SQLite fails on a read-only file.</summary>
    public class ReadOnlyDigestStore : DispatchProxy
    {
        private IDigestStore _inner = null!;

        public static IDigestStore Wrap(IDigestStore inner)
        {
            var proxy = Create<IDigestStore, ReadOnlyDigestStore>();
            ((ReadOnlyDigestStore)(object)proxy)._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name is "SaveReferenceAsync" or "SubscribeAsync" or "UnsubscribeAsync")
                throw new SqliteException("SQLite Error 8: 'attempt to write a readonly database'.", 8);
            return targetMethod.Invoke(_inner, args);
        }
    }

    private static void ReadOnly(IServiceCollection services) =>
        services.AddSingleton(sp => ReadOnlyDigestStore.Wrap(new SqliteDigestStore((SqliteAppStore)sp.GetRequiredService<IAppStore>())));

    private static string AppDatabase(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>()["Knowledge:AppDatabase"]!;

    private static void Delete(string database)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
    }

    [Fact]
    public async Task Slack_SubscribeWhileDatabaseReadOnly_UserToldNotSavedAndErrorLogged()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await SlackTestHost.StartAsync(settings: DigestsOn, services: s =>
        {
            ReadOnly(s);
            s.AddSingleton<ILoggerProvider>(logs);
        });

        var ack = await host.PostCommandAsync("subscribe weekly Kosovo", responseUrl: host.Fake.ResponseUrl("sub-ro"));

        Assert.Contains("Working on it", await ack.Content.ReadAsStringAsync());
        var reply = (await host.Fake.WaitForAsync(c => c.Path == "/hooks/sub-ro")).Single();
        Assert.Equal(NotSaved, reply.Get("text"));
        Assert.Equal("ephemeral", reply.Get("response_type"));
        Assert.Contains(logs.Lines, l => l.StartsWith("Error 207", StringComparison.Ordinal) && l.Contains("readonly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Teams_SubscribeWhileDatabaseReadOnly_ErrorCardSaysNotSaved()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = new TeamsBotFactory(DigestsOn, ReadOnly);

        await bot.PostActivityAsync(TestActivities.Message(connector.ServiceUrl, "subscribe weekly Kosovo"));

        var card = (await connector.WaitForAsync(1)).Single().Card!.Value.GetRawText();
        Assert.Contains("could not save that", card);
        Assert.DoesNotContain("Subscribed", card);
    }

    [Fact]
    public async Task Slack_DatabaseDeletedWhileRunning_NothingConfirmedAndUnhealthy()
    {
        await using var host = await SlackTestHost.StartAsync(settings: DigestsOn);
        await host.PostCommandAsync("subscribe weekly", channel: "C1", responseUrl: host.Fake.ResponseUrl("before"));
        Assert.StartsWith("Subscribed", (await host.Fake.WaitForAsync(c => c.Path == "/hooks/before")).Single().Get("text"));

        Delete(AppDatabase(host.Services));
        await host.PostCommandAsync("subscribe weekly", channel: "C2", responseUrl: host.Fake.ResponseUrl("after"));

        Assert.Equal(NotSaved, (await host.Fake.WaitForAsync(c => c.Path == "/hooks/after")).Single().Get("text"));
        Assert.False(File.Exists(AppDatabase(host.Services)), "a missing database must not be silently re-created");
        using var health = await host.CreateClient().GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        var check = body.RootElement.GetProperty("checks").GetProperty("appDatabase");
        Assert.Equal("Unhealthy", check.GetProperty("status").GetString());
        Assert.Contains("deleted", check.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Teams_DatabaseReplacedWhileRunning_SubscriptionRefusedAndUnhealthy()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = new TeamsBotFactory(DigestsOn);
        var client = bot.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        await bot.PostActivityAsync(TestActivities.Message(connector.ServiceUrl, "subscribe weekly", "conv-a"));
        Assert.Contains("Subscribed", (await connector.WaitForAsync(1))[0].Card!.Value.GetRawText());

        var database = AppDatabase(bot.Services);
        var other = Path.Combine(Path.GetDirectoryName(database)!, "other.db");
        _ = new SqliteAppStore(other); // a valid app database, just not this one (a restored backup, say)
        Delete(database);
        File.Copy(other, database);
        await bot.PostActivityAsync(TestActivities.Message(connector.ServiceUrl, "subscribe weekly", "conv-b"));

        var card = (await connector.WaitForAsync(2))[1].Card!.Value.GetRawText();
        Assert.Contains("could not save that", card);
        using var health = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("replaced", await health.Content.ReadAsStringAsync());
        // Liveness stays up: restarting is the operator's call, and readiness already takes the instance out of rotation.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Empty(await new SqliteDigestStore(new SqliteAppStore(database)).SubscriptionsAsync("teams", "conv-b"));
    }

    [Fact]
    public async Task Readyz_WritableDatabase_ReportsHealthy()
    {
        await using var bot = new TeamsBotFactory();

        using var health = await bot.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        var check = body.RootElement.GetProperty("checks").GetProperty("appDatabase");
        Assert.Equal(("Healthy", "writable"), (check.GetProperty("status").GetString(), check.GetProperty("description").GetString()));
    }
}
