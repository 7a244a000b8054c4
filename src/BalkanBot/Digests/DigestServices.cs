using BalkanBot.Answers;
using BalkanBot.Channels.Slack;
using BalkanBot.Channels.Teams;
using BalkanBot.Knowledge;
using BalkanBot.Storage;

namespace BalkanBot.Digests;

/// <summary>Wires digests into the host: options (checked at start), store, composer, runner, scheduler, commands, senders.</summary>
public static class DigestServices
{
    public const string Section = "Digests";

    public static void Add(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = LoadOptions(builder.Configuration);
        var schedules = options.BuildSchedules(); // bad cron or zone stops the host here, naming the key
        services.AddSingleton(options);
        services.AddSingleton<IReadOnlyDictionary<string, DigestSchedule>>(schedules);
        services.AddSingleton<IDigestStore>(sp => sp.GetRequiredService<IAppStore>() is SqliteAppStore app
            ? new SqliteDigestStore(app)
            : throw new InvalidOperationException("Digests need an IDigestStore for this IAppStore; only SQLite is implemented."));
        services.AddSingleton(sp => new DigestComposer(sp.GetRequiredService<KnowledgeBase>(), options.MaxItemsPerSection, options.Countries));
        services.AddSingleton(sp => new DigestRunner(sp.GetRequiredService<IDigestStore>(), sp.GetRequiredService<DigestComposer>(), schedules,
            Senders(sp), options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<DigestRunner>>()));
        services.AddSingleton<SubscriptionService>();
        services.AddSingleton<ISubscriptionCommands, SubscriptionCommands>();
        services.AddSingleton<ISlackCommandExtension, SlackDigestCommands>();
        services.AddSingleton<DigestScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<DigestScheduler>());
    }

    /// <summary>
    /// A sender per channel whose client the host has (a channel not wired in has none, and its deliveries fail with a
    /// log line); senders registered as IDigestSender (test fakes) take precedence over the built-in ones.
    /// </summary>
    private static List<IDigestSender> Senders(IServiceProvider sp)
    {
        var senders = sp.GetServices<IDigestSender>().ToList();
        if (!senders.Any(s => s.Channel == "slack") && sp.GetService<SlackApiClient>() is { } slack)
            senders.Add(new SlackDigestSender(slack, sp.GetRequiredService<IHttpClientFactory>(),
                sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<SlackOptions>>()));
        if (!senders.Any(s => s.Channel == "teams") && sp.GetService<ConnectorClient>() is { } connector)
            senders.Add(new TeamsDigestSender(connector));
        return senders;
    }

    public static DigestOptions LoadOptions(IConfiguration configuration) =>
        DigestOptions.WithDefaults(configuration.GetSection(Section).Get<DigestOptions>());
}
