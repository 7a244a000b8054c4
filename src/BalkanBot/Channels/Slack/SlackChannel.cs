using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BalkanBot.Channels.Slack;

/// <summary>The Slack channel: its services (here) and endpoints (<see cref="SlackEndpoints"/>). Everything is registered
/// always and stays idle until Slack:SigningSecret and Slack:BotToken (HTTP) or Slack:AppToken (Socket Mode) are configured.</summary>
public static class SlackChannel
{
    public static IServiceCollection AddSlackChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        SlackApiClient.AddHttpClients(services);
        services.AddSingleton<SlackSignatureVerifier>();
        services.TryAddSingleton<ISlackEventDeduper, SlackEventDeduper>(); // PostgreSQL storage registers a shared one first
        services.AddSingleton<SlackWorkQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackWorkQueue>());
        services.AddSingleton<SlackAnswerCache>();
        services.AddSingleton<SlackHelp>();
        services.AddSingleton<SlackInbound>();
        services.AddSingleton<SlackResponder>();
        services.AddSingleton<SlackSuggestions>();
        services.AddSingleton<SlackAssistantThreads>();
        services.AddSingleton<SlackHomeTab>();
        services.AddSingleton<SlackApiClient>();
        if (!string.IsNullOrWhiteSpace(configuration[$"{SlackOptions.Section}:AppToken"]))
        {
            services.AddSingleton<SlackSocketModeClient>();
            services.AddHostedService(sp => sp.GetRequiredService<SlackSocketModeClient>());
        }
        return services;
    }

    public static WebApplication MapSlackChannel(this WebApplication app)
    {
        app.MapSlackEndpoints();
        return app;
    }
}
