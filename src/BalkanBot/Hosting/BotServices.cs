using BalkanBot.Channels.ChatPage;
using BalkanBot.Channels.Slack;
using BalkanBot.Channels.Teams;
using BalkanBot.Digests;

namespace BalkanBot.Hosting;

/// <summary>One place that wires each channel's services and endpoints into the host.</summary>
internal static class BotServices
{
    public static void Add(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddBotTelemetry(configuration);
        services.AddSlackChannel(configuration);
        services.AddDigests();
        services.AddTeamsChannel(configuration);
        services.AddChatPageChannel();
    }

    public static void Map(WebApplication app)
    {
        app.MapSlackChannel();
        app.MapTeamsChannel();
        app.MapChatPageChannel();
    }
}
