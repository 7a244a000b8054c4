namespace BalkanBot.Channels.Teams;

/// <summary>
/// The Bot Framework channel's turns, run after the HTTP request has been answered (see <see cref="WorkQueue"/>).
/// When full, /api/messages answers 503 with Retry-After, which the Bot Connector retries.
/// </summary>
public sealed class BackgroundTurns(TeamsOptions options, ILogger<BackgroundTurns> log)
    : WorkQueue("teams", new WorkQueueLimits(options.QueueCapacity, options.QueuePerConversation), log)
{
    public const string BusyText = "BalkanBot is busy right now; please try again in a minute.";

    /// <summary>What a 503 asks the Bot Connector to wait before retrying, in seconds.</summary>
    public const int RetryAfterSeconds = 5;
}
