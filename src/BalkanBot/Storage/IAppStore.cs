namespace BalkanBot.Storage;

/// <summary>A 👍/👎 on an answer, from any channel.</summary>
public sealed record Feedback(string Channel, string ConversationId, string? UserId, string Question, string Rating, string? Comment, DateTimeOffset At)
{
    /// <summary>The rated answer's intent, when the channel can still tell which answer it was.</summary>
    public string? Intent { get; init; }
    /// <summary>The knowledge records the rated answer rested on.</summary>
    public IReadOnlyList<string> RecordIds { get; init; } = [];
}

/// <summary>
/// The bot's own state, kept apart from the rebuilt knowledge database so it survives rebuilds and restarts.
/// One interface so a PostgreSQL implementation can serve deployments with several instances.
/// </summary>
public interface IAppStore
{
    Task AddFeedbackAsync(Feedback feedback, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<Feedback>> RecentFeedbackAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Null when the store can be written to; otherwise why not (read-only, deleted, replaced, full).</summary>
    Task<string?> CheckAsync(CancellationToken cancellationToken = default);
}
