using System.Collections.Concurrent;
using System.Security.Cryptography;
using BalkanBot.Answers;

namespace BalkanBot.Channels.Slack;

/// <summary>
/// Recent answers by a short random key that our buttons carry, so "More" and "Show sources" work from the exact
/// answer shown (a follow-up such as "and Hungary?" could not be answered again out of its conversation).
/// Bounded and short-lived; after a restart the buttons fall back to asking the question again.
/// </summary>
public sealed class SlackAnswerCache(TimeProvider clock, int capacity = 2000)
{
    /// <summary>As long as Slack lets a response_url be used.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, (Answer Answer, DateTimeOffset At)> _answers = new(StringComparer.Ordinal);

    public int Count => _answers.Count;

    public string Add(Answer answer)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        if (_answers.Count >= capacity) Prune();
        _answers[key] = (answer, clock.GetUtcNow());
        return key;
    }

    public Answer? Get(string? key) =>
        key is not null && _answers.TryGetValue(key, out var e) && clock.GetUtcNow() - e.At <= Lifetime ? e.Answer : null;

    private void Prune()
    {
        var now = clock.GetUtcNow();
        var entries = _answers.ToArray();
        foreach (var (key, e) in entries)
            if (now - e.At > Lifetime) _answers.TryRemove(key, out _);
        if (_answers.Count < capacity) return;
        // Still full of live answers: drop the oldest tenth.
        foreach (var (key, _) in entries.OrderBy(e => e.Value.At).Take(Math.Max(1, capacity / 10)))
            _answers.TryRemove(key, out _);
    }
}
