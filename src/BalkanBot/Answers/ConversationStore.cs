namespace BalkanBot.Answers;

/// <summary>What a conversation remembers between messages: the last answer and what it was about.</summary>
public sealed record ConversationState(Answer LastAnswer, IReadOnlyList<string> FocusIds, string? Measure, Routing.Period? Period, DateTimeOffset Updated);

/// <summary>
/// Conversation memory keyed by channel and conversation id: entries expire after a quiet period and the least
/// recently used go first when the store is full, so memory stays bounded whatever the traffic. It lives in this
/// process, which is right for one instance; <see cref="SharedConversationStore"/> serves several.
/// </summary>
public sealed class ConversationStore(TimeProvider clock, int capacity = 10_000, TimeSpan? expiry = null) : IConversationStore
{
    private readonly TimeSpan _expiry = expiry ?? TimeSpan.FromMinutes(30);
    private readonly Dictionary<string, LinkedListNode<(string Key, ConversationState State)>> _map = [];
    private readonly LinkedList<(string Key, ConversationState State)> _order = new();
    private readonly Lock _lock = new();

    public int Count { get { lock (_lock) return _map.Count; } }

    private static string Key(string channel, string conversationId) => channel + "\u001f" + conversationId;

    public ConversationState? Find(string channel, string conversationId)
    {
        lock (_lock)
        {
            if (!_map.TryGetValue(Key(channel, conversationId), out var node)) return null;
            if (clock.GetUtcNow() - node.Value.State.Updated > _expiry)
            {
                _order.Remove(node);
                _map.Remove(node.Value.Key);
                return null;
            }
            _order.Remove(node);
            _order.AddFirst(node);
            return node.Value.State;
        }
    }

    public Task LoadAsync(string channel, string conversationId, CancellationToken ct = default) => Task.CompletedTask;

    public Task SaveAsync(string channel, string conversationId, CancellationToken ct = default) => Task.CompletedTask;

    /// <summary>Forgets a conversation (another instance has no memory of it either).</summary>
    public void Remove(string channel, string conversationId)
    {
        lock (_lock)
        {
            if (_map.Remove(Key(channel, conversationId), out var node)) _order.Remove(node);
        }
    }

    public void Put(string channel, string conversationId, ConversationState state)
    {
        var key = Key(channel, conversationId);
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var old)) { _order.Remove(old); _map.Remove(key); }
            _map[key] = _order.AddFirst((key, state));
            while (_map.Count > capacity && _order.Last is { } last)
            {
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
            }
        }
    }
}
