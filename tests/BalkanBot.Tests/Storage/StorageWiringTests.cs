using BalkanBot.Answers;
using BalkanBot.Channels.Slack;
using BalkanBot.Digests;
using BalkanBot.Storage;
using BalkanBot.Tests.Integration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace BalkanBot.Tests.Storage;

/// <summary>The host chooses its stores by Storage:PostgreSql; PostgreSQL is a readiness check only when it is configured.</summary>
[Collection(PostgresClusterDefinition.Name)]
public sealed class StorageWiringTests(PostgresCluster cluster)
{
    [PostgresFact]
    public async Task Host_PostgreSqlConfigured_UsesSharedStoresAndReportsReady()
    {
        var connection = await cluster.CreateDatabaseAsync();
        await using var host = await SlackTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Storage:PostgreSql"] = connection });

        Assert.IsType<PostgresAppStore>(host.Get<IAppStore>());
        Assert.IsType<PostgresDigestStore>(host.Get<IDigestStore>());
        Assert.IsType<SharedConversationStore>(host.Get<IConversationStore>());
        Assert.IsType<SharedSlackEventDeduper>(host.Get<ISlackEventDeduper>());
        var report = await host.Get<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));
        Assert.Equal(HealthStatus.Healthy, report.Entries[StorageServices.HealthCheckName].Status);
        Assert.Null(await host.Get<IAppStore>().CheckAsync());
    }

    [Fact]
    public async Task Host_NoPostgreSql_KeepsSqliteAndMemoryWithoutAPostgreSqlCheck()
    {
        await using var host = await SlackTestHost.StartAsync();

        Assert.IsType<SqliteAppStore>(host.Get<IAppStore>());
        Assert.IsType<SqliteDigestStore>(host.Get<IDigestStore>());
        Assert.IsType<ConversationStore>(host.Get<IConversationStore>());
        Assert.IsType<SlackEventDeduper>(host.Get<ISlackEventDeduper>());
        var checks = host.Services.GetService(typeof(HealthCheckService)) is HealthCheckService health
            ? (await health.CheckHealthAsync()).Entries.Keys
            : [];
        Assert.DoesNotContain(StorageServices.HealthCheckName, checks);
    }

    [Fact]
    public async Task Host_MalformedConnectionString_FailsAtStartNamingTheKeyNotTheValue()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => SlackTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Storage:PostgreSql"] = "Host=db;Password=s3cret-value;NoSuchKeyword=1",
        }));

        Assert.Contains("Storage:PostgreSql", ex.Message);
        Assert.DoesNotContain("s3cret-value", ex.ToString());
    }

    [PostgresFact]
    public async Task Host_ServerUnreachable_FailsAtStartWithoutThePassword()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(await cluster.CreateDatabaseAsync())
        {
            Host = "/nonexistent-socket-dir",
            Password = "s3cret-value",
            Timeout = 2,
        }.ToString();

        var ex = await Assert.ThrowsAnyAsync<NpgsqlException>(() => SlackTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Storage:PostgreSql"] = unreachable }));

        Assert.DoesNotContain("s3cret-value", ex.ToString());
    }
}
