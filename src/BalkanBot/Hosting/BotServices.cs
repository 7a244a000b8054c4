namespace BalkanBot.Hosting;

/// <summary>One place that wires each channel's services and endpoints into the host.</summary>
internal static class BotServices
{
    public static void Add(WebApplicationBuilder builder)
    {
    }

    public static void Map(WebApplication app)
    {
    }
}
