using BalkanBot.Answers;
using BalkanBot.Hosting;
using BalkanBot.Storage;

namespace BalkanBot.Channels.Teams;

/// <summary>Registers the Bot Framework channel (Teams, the playground, the local chat page) and its endpoint.</summary>
public static class TeamsServices
{
    public const string AuthClient = "BalkanBot.Teams.Auth";

    public static void Add(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Read when the host is built, so configuration added by tests and the command line is in place.
        services.AddSingleton(sp => TeamsOptions.Load(sp.GetRequiredService<IConfiguration>()));
        // The token request carries the app password: never let a redirect take it elsewhere.
        services.AddHttpClient(AuthClient, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddOutboundHttpClient(ConnectorClient.HttpClientName, _ => ConnectorClient.Policy);
        services.AddSingleton(sp => new BotAuthenticator(sp.GetRequiredService<TeamsOptions>(), Http(sp, AuthClient), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new BotTokenClient(sp.GetRequiredService<TeamsOptions>(), Http(sp, AuthClient),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<BotTokenClient>>()));
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<AnswerCache>();
        services.AddSingleton<ComposeSearch>();
        services.AddSingleton(sp => new WelcomeTracker(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<BackgroundTurns>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundTurns>());
        services.AddSingleton(sp => new TeamsBot(sp.GetRequiredService<AnswerEngine>(), sp.GetRequiredService<IAppStore>(),
            sp.GetRequiredService<ConnectorClient>(), sp.GetRequiredService<AnswerCache>(), sp.GetRequiredService<WelcomeTracker>(),
            sp.GetRequiredService<BackgroundTurns>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TeamsOptions>(),
            sp.GetRequiredService<ComposeSearch>(), sp.GetRequiredService<ILogger<TeamsBot>>()));
    }

    public static void MapTeams(this WebApplication app)
    {
        // Resolving the options here makes a configuration mistake fail at start, naming the key.
        var options = app.Services.GetRequiredService<TeamsOptions>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BalkanBot.Channels.Teams");
        if (options.AuthEnabled) Log.TeamsAuthenticated(log, options.AppType.ToString(), options.OpenIdMetadataUrl);
        else Log.TeamsUnauthenticated(log);
        app.MapPost("/api/messages", TeamsEndpoint.HandleAsync).DisableAntiforgery();
    }

    private static HttpClient Http(IServiceProvider sp, string name) => sp.GetRequiredService<IHttpClientFactory>().CreateClient(name);
}
