using Microsoft.Extensions.Options;

namespace BalkanBot.Channels.Teams;

/// <summary>
/// The Bot Framework channel's turns, run after the HTTP request has been answered (see <see cref="WorkQueue"/>).
/// When full, /api/messages answers 503 with Retry-After, which the Bot Connector retries. Without an app id any
/// local client may name any local serviceUrl, so one serviceUrl host then holds at most a quarter of the queue
/// (<see cref="TeamsOptions.QueuePerServiceUrlHost"/>): a client pointing the bot at a port that never answers
/// cannot crowd out the others. With an app id, serviceUrl comes from Microsoft's signed token, and Teams'
/// conversations all share a few hosts.
/// </summary>
public sealed class BackgroundTurns(IOptions<TeamsOptions> options, ILogger<BackgroundTurns> log)
    : WorkQueue(ChannelKeys.Teams, new WorkQueueLimits(options.Value.QueueCapacity, options.Value.QueuePerConversation, options.Value.PerServiceUrlHostLimit), log)
{
    /// <summary>The group a turn counts against: its serviceUrl's scheme, host and port.</summary>
    public static string? GroupOf(Activity activity) =>
        Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var u) ? u.GetLeftPart(UriPartial.Authority) : null;

    public const string BusyText = "BalkanBot is busy right now; please try again in a minute.";

    /// <summary>What a 503 asks the Bot Connector to wait before retrying, in seconds.</summary>
    public const int RetryAfterSeconds = 5;
}
