namespace BalkanBot.Channels.Teams;

/// <summary>
/// Which of Teams' own message features a conversation gets. Teams shows citations, the AI label and the feedback
/// control in personal and group chats but not reliably in channels, and streams only in personal chats (group
/// chats and channels answer 405). Other Bot Framework clients (the Emulator, the local chat page) get the plain
/// card, with its own 👍/👎.
/// </summary>
public sealed record TeamsSurface(bool Citations, bool FeedbackLoop, bool Streaming)
{
    public const string TeamsChannelId = "msteams";

    public static TeamsSurface Plain { get; } = new(false, false, false);

    /// <summary>
    /// A Teams personal chat shows the manifest's prompt starters (bots[].commandLists) to a new user; Teams' guidance
    /// is prompt starters or a welcome message, not both, so there the bot sends no welcome card. Only an explicit
    /// "personal": an install activity without a conversation type is welcomed as before.
    /// </summary>
    public static bool ShowsPromptStarters(Activity activity) =>
        string.Equals(activity.ChannelId, TeamsChannelId, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);

    public static TeamsSurface Of(Activity activity)
    {
        if (!string.Equals(activity.ChannelId, TeamsChannelId, StringComparison.OrdinalIgnoreCase)) return Plain;
        // Teams omits conversationType in some personal-chat activities; a chat with isGroup false is personal too.
        var type = activity.Conversation?.ConversationType ?? (activity.Conversation?.IsGroup == true ? "groupChat" : "personal");
        return type.ToLowerInvariant() switch
        {
            "personal" => new(true, true, true),
            "groupchat" => new(true, true, false),
            _ => Plain,
        };
    }
}
