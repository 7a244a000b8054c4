using BalkanBot.Answers;
using BalkanBot.Channels.Slack;
using BalkanBot.Digests;
using BalkanBot.Hosting;
using Microsoft.Extensions.Options;

namespace BalkanBot.Storage;

/// <summary>
/// Wires the bot's own state. With Storage:PostgreSql set, everything that several instances must agree on lives in
/// PostgreSQL: feedback, digest subscriptions and deliveries, conversation memory, Slack event ids. Without it, the
/// SQLite app database and in-process memory serve one instance. The knowledge base is a per-instance SQLite file
/// either way.
/// </summary>
public static class StorageServices
{
    /// <summary>Readiness check name; tagged "ready" so a readiness probe includes it and a liveness probe does not.</summary>
    public const string HealthCheckName = "postgresql";

    public static void Add(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        if (StorageOptions.Read(builder.Configuration).UsesPostgreSql)
        {
            services.AddSingleton<PostgresDatabase>();
            services.AddHostedService<PostgresSchemaService>();
            services.AddSingleton<IAppStore, PostgresAppStore>();
            services.AddSingleton<IDigestStore, PostgresDigestStore>();
            services.AddSingleton<IConversationStore, SharedConversationStore>();
            services.AddSingleton<ISlackEventDeduper, SharedSlackEventDeduper>();
            services.AddHealthChecks().AddNpgSql(sp => sp.GetRequiredService<PostgresDatabase>().DataSource, name: HealthCheckName, tags: [BotHealth.ReadyTag]);
            return;
        }
        services.AddSingleton(sp => new SqliteAppStore(AppPaths.InData(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.AppDatabase),
            sp.GetRequiredService<ILogger<SqliteAppStore>>()));
        services.AddSingleton<IAppStore>(sp => sp.GetRequiredService<SqliteAppStore>());
        services.AddSingleton<IDigestStore, SqliteDigestStore>();
        services.AddSingleton<IConversationStore, ConversationStore>();
        services.AddSingleton<ISlackEventDeduper, SlackEventDeduper>();
    }

    /// <summary>
    /// The digest store the configuration names, for command-line verbs that run without the host; dispose the
    /// returned owner (the PostgreSQL data source) when done.
    /// </summary>
    internal static (IDigestStore Store, IAsyncDisposable? Owner) OpenDigestStore(IConfiguration configuration, string appDatabase)
    {
        var options = StorageOptions.Read(configuration);
        if (!options.UsesPostgreSql) return (new SqliteDigestStore(new SqliteAppStore(appDatabase)), null);
        var database = new PostgresDatabase(Options.Create(options), Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresDatabase>.Instance);
        return (new PostgresDigestStore(database), database);
    }
}
