namespace BalkanBot.Answers;

/// <summary>A message to answer, with where it came from so follow-ups find their conversation.</summary>
public sealed record Question(string Text, string Channel = "cli", string ConversationId = "default", string? UserId = null,
    ConversationReference? Reference = null);
