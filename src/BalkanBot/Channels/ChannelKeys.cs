namespace BalkanBot.Channels;

/// <summary>
/// Our keys for the channels, as stored with conversation memory, feedback and subscriptions, and as telemetry tags.
/// Every Bot Framework channel (Teams, the playground, the local chat page) is <see cref="Teams"/>.
/// </summary>
public static class ChannelKeys
{
    public const string Teams = "teams";
    public const string Slack = "slack";

    /// <summary>The Bot Framework's channel id for Microsoft Teams, used when an activity names none.</summary>
    public const string MsTeams = "msteams";

    /// <summary>Our key for a channel name: the Bot Framework's "msteams" is <see cref="Teams"/>; others as they are, in lower case.</summary>
    public static string Normalize(string channel) => channel.ToLowerInvariant() switch
    {
        MsTeams or Teams => Teams,
        var other => other,
    };
}
