using System.Text.RegularExpressions;

namespace BalkanBot.Channels.Slack;

/// <summary>Shapes of Slack ids, for payload fields that go back out in API calls.</summary>
public static partial class SlackIds
{
    /// <summary>A user, channel, DM or group id: an upper-case letter and up to 20 more letters or digits.</summary>
    public static bool IsId(string? id) => id is not null && Id().IsMatch(id);

    [GeneratedRegex("^[A-Z][A-Z0-9]{2,20}$")]
    private static partial Regex Id();
}

/// <summary>The message shortcut declared in manifests/slack/manifest.yaml.</summary>
public static class SlackShortcuts
{
    public const string AskCallbackId = "balkan_ask_about_message";
    public const string AskName = "Ask BalkanBot about this";
}
