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
        builder.Services.AddBotTelemetry(builder.Configuration);
        SlackServices.Add(builder);
        DigestServices.Add(builder);
        TeamsServices.Add(builder);
        ChatPageEndpoints.Add(builder);
    }

    public static void Map(WebApplication app)
    {
        app.MapSlack();
        app.MapTeams();
        app.MapChatPage();
    }
}
