using BalkanBot.Channels.Teams;

namespace BalkanBot.Channels.ChatPage;

/// <summary>
/// The local chat page's "connector": the bot posts its replies here (the page set serviceUrl to /_local) and the
/// page long-polls for them. Bounded in memory; it is a development tool, not a message store.
/// </summary>
public sealed class LocalInbox
{
    private const int MaxConversations = 200;
    private const int MaxActivitiesPerConversation = 500;
    private readonly Dictionary<string, Mailbox> _mailboxes = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _nextId;

    private sealed class Mailbox
    {
        public List<(long Seq, Activity Activity)> Items { get; } = [];
        public TaskCompletionSource Arrived { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public DateTimeOffset Touched { get; set; }
    }

    /// <summary>Stores a reply and wakes the page's pending poll; returns the id a connector would assign.</summary>
    public string Post(string conversationId, Activity activity)
    {
        TaskCompletionSource wake;
        string id;
        lock (_lock)
        {
            var box = Get(conversationId);
            var seq = ++_nextId;
            id = activity.Id = $"local-{seq}";
            box.Items.Add((seq, activity));
            if (box.Items.Count > MaxActivitiesPerConversation) box.Items.RemoveAt(0);
            wake = box.Arrived;
            box.Arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        wake.TrySetResult();
        return id;
    }

    /// <summary>Activities after <paramref name="watermark"/>, waiting up to <paramref name="wait"/> for the first one.</summary>
    public async Task<(IReadOnlyList<Activity> Activities, long Watermark)> PollAsync(string conversationId, long watermark, TimeSpan wait, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + wait;
        while (true)
        {
            Task arrived;
            lock (_lock)
            {
                var box = Get(conversationId);
                var items = box.Items.Where(i => i.Seq > watermark).ToList();
                if (items.Count > 0) return (items.Select(i => i.Activity).ToList(), items[^1].Seq);
                arrived = box.Arrived.Task;
            }
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero) return ([], watermark);
            try
            {
                await arrived.WaitAsync(left, ct).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return ([], watermark);
            }
        }
    }

    private Mailbox Get(string conversationId)
    {
        if (!_mailboxes.TryGetValue(conversationId, out var box))
        {
            if (_mailboxes.Count >= MaxConversations)
                _mailboxes.Remove(_mailboxes.MinBy(m => m.Value.Touched).Key);
            _mailboxes[conversationId] = box = new Mailbox();
        }
        box.Touched = DateTimeOffset.UtcNow;
        return box;
    }
}
