using BalkanBot.Diagnostics;
using BalkanBot.Hosting;
using Microsoft.Extensions.Options;

namespace BalkanBot.Channels.Teams;

/// <summary>The Bot Framework channel (Teams, the playground, the local chat page): its services and its endpoint.</summary>
public static class TeamsChannel
{
    public const string AuthClient = "BalkanBot.Teams.Auth";

    public static IServiceCollection AddTeamsChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateOnStart();
        services.AddSingleton<IConfigureOptions<TeamsOptions>, BotFrameworkKeys>();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        // The token request carries the app password: never let a redirect take it elsewhere.
        services.AddHttpClient(AuthClient, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddOutboundHttpClient(ConnectorClient.HttpClientName, _ => ConnectorClient.Policy);
        services.AddSingleton<BotAuthenticator>();
        services.AddSingleton<BotTokenClient>();
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<AnswerCache>();
        services.AddSingleton<WelcomeTracker>();
        services.AddSingleton<BackgroundTurns>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundTurns>());
        services.AddSingleton<TeamsBot>();
        return services;
    }

    public static WebApplication MapTeamsChannel(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TeamsOptions>>().Value;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BalkanBot.Channels.Teams");
        if (options.AuthEnabled) Log.TeamsAuthenticated(log, options.AppType.ToString(), options.OpenIdMetadataUrl);
        else Log.TeamsUnauthenticated(log);
        app.MapPost("/api/messages", TeamsEndpoint.HandleAsync).DisableAntiforgery();
        return app;
    }
}
