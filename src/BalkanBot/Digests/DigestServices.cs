using BalkanBot.Answers;
using BalkanBot.Channels.Slack;
using BalkanBot.Storage;
using Microsoft.Extensions.Options;

namespace BalkanBot.Digests;

/// <summary>Wires digests into the host: options (checked at start), store, composer, runner, scheduler, commands, senders.</summary>
public static class DigestServices
{
    public const string Section = DigestOptions.Section;

    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<DigestOptions>, DigestOptionsDefaults>();
        services.AddSingleton<IValidateOptions<DigestOptions>, DigestOptionsValidator>();
        // IDigestStore comes with the app store (Storage/StorageServices.cs): SQLite, or PostgreSQL shared by instances.
        services.AddSingleton<DigestComposer>();
        // One sender per channel; a sender registered later for the same channel (a test's fake) takes its place.
        services.AddSingleton<IDigestSender, SlackDigestSender>();
        services.AddSingleton<IDigestSender, TeamsDigestSender>();
        services.AddSingleton<DigestRunner>();
        services.AddSingleton<SubscriptionService>();
        services.AddSingleton<ISubscriptionCommands, SubscriptionCommands>();
        services.AddSingleton<ISlackCommandExtension, SlackDigestCommands>();
        services.AddSingleton<DigestScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<DigestScheduler>());
        return services;
    }

    /// <summary>The options as the host binds them, for the command line, which runs without the host.</summary>
    public static DigestOptions LoadOptions(IConfiguration configuration) =>
        DigestOptions.WithDefaults(configuration.GetSection(Section).Get<DigestOptions>());
}
