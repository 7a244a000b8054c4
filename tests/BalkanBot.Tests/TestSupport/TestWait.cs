namespace BalkanBot.Tests.TestSupport;

/// <summary>Waits for a condition the system brings about, returning as soon as it holds; never a fixed sleep.</summary>
public static class TestWait
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    /// <summary>Returns once <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string? what = null)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Gave up after {timeout.TotalSeconds:0.#} s waiting for {what ?? "the condition"}.");
            await Task.Delay(Poll);
        }
    }
}
