using System.Collections.Concurrent;

namespace BalkanBot.Channels.Teams;

/// <summary>
/// Teams sends both installationUpdate and conversationUpdate when the app is added to a chat; one welcome is enough.
/// </summary>
public sealed class WelcomeTracker(TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _welcomed = new(StringComparer.Ordinal);

    /// <summary>True the first time in the window for this conversation.</summary>
    public bool ShouldWelcome(string conversationId)
    {
        var now = clock.GetUtcNow();
        if (_welcomed.Count > 5000)
            foreach (var (id, at) in _welcomed)
                if (now - at > Window) _welcomed.TryRemove(id, out _);
        var first = true;
        _welcomed.AddOrUpdate(conversationId, now, (_, at) => { first = now - at > Window; return first ? now : at; });
        return first;
    }
}
