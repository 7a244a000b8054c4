namespace BalkanBot.Answers;

/// <summary>A message to answer, with where it came from so follow-ups find their conversation.</summary>
public sealed record Question(string Text, string Channel = "cli", string ConversationId = "default", string? UserId = null,
    ConversationReference? Reference = null);

/// <summary>
/// What a channel needs to message this conversation later, unprompted (digests). Teams: the Bot Framework
/// serviceUrl, conversation, tenant and bot ids and the channel id ("msteams"); Slack: the channel id alone.
/// </summary>
public sealed record ConversationReference(string ChannelId, string ConversationId, string? ServiceUrl = null, string? TenantId = null,
    string? BotId = null, string? ConversationType = null);

/// <summary>Optional: rewrites the short answer in fluent prose, checked against the records (see LlmPhraser).</summary>
public interface IAnswerPhraser
{
    bool Enabled { get; }
    Task<Answer> PhraseAsync(Answer answer, CancellationToken cancellationToken);
}

/// <summary>Optional: a model answers, from the knowledge functions, what the deterministic path answers poorly (see KernelAnswerer).</summary>
public interface IModelAnswerer
{
    bool Enabled { get; }
    /// <summary>The model's grounded answer, or null to keep <paramref name="deterministic"/>; <paramref name="why"/> is a <see cref="ModelRoute"/> reason.</summary>
    Task<Answer?> AnswerAsync(Question question, Answer deterministic, string why, CancellationToken cancellationToken);
}

/// <summary>Optional: digest subscription commands typed in a conversation ("subscribe weekly Kosovo").</summary>
public interface ISubscriptionCommands
{
    Task<Answer> HandleAsync(Question question, string command, CancellationToken cancellationToken);
}
