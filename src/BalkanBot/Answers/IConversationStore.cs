namespace BalkanBot.Answers;

/// <summary>
/// Conversation memory as the answer engine sees it: synchronous reads and writes while a message is answered, with
/// a load before and a save after, so a store shared by several instances does its I/O outside the answer path.
/// </summary>
public interface IConversationStore
{
    ConversationState? Find(string channel, string conversationId);
    void Put(string channel, string conversationId, ConversationState state);

    /// <summary>Brings in what another instance remembered about the conversation, before a message is answered.</summary>
    Task LoadAsync(string channel, string conversationId, CancellationToken ct = default);

    /// <summary>Makes what answering the message remembered visible to every instance.</summary>
    Task SaveAsync(string channel, string conversationId, CancellationToken ct = default);
}
