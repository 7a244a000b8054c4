using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BalkanBot.Channels.Slack;

/// <summary>Wires the Slack channel into the host. Everything is registered always and stays idle until
/// Slack:SigningSecret and Slack:BotToken (HTTP) or Slack:AppToken (Socket Mode) are configured.</summary>
public static class SlackServices
{
    public static void Add(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SlackOptions>().Bind(builder.Configuration.GetSection(SlackOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        SlackApiClient.AddHttpClients(services);
        services.AddSingleton<SlackSignatureVerifier>();
        services.TryAddSingleton<ISlackEventDeduper, SlackEventDeduper>(); // PostgreSQL storage registers a shared one first
        services.AddSingleton<SlackWorkQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackWorkQueue>());
        services.AddSingleton(sp => new SlackAnswerCache(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SlackHelp>();
        services.AddSingleton<SlackInbound>();
        services.AddSingleton<SlackResponder>();
        services.AddSingleton<SlackSuggestions>();
        services.AddSingleton<SlackAssistantThreads>();
        services.AddSingleton<SlackHomeTab>();
        services.AddSingleton<SlackApiClient>();
        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{SlackOptions.Section}:AppToken"]))
        {
            services.AddSingleton<SlackSocketModeClient>();
            services.AddHostedService(sp => sp.GetRequiredService<SlackSocketModeClient>());
        }
    }
}
