using System.Diagnostics;
using System.Globalization;

namespace BalkanBot.Load;

internal static class Stats
{
    public static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    public static string Summary(IReadOnlyCollection<double> ms) => ms.Count == 0
        ? "none"
        : string.Create(CultureInfo.InvariantCulture, $"p50 {Percentile(ms, 0.5),7:0.0} ms  p99 {Percentile(ms, 0.99),8:0.0} ms  max {ms.Max(),8:0.0} ms");

    /// <summary>Polls <paramref name="done"/> every 20 ms until it holds or the deadline passes.</summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> done, TimeSpan limit)
    {
        var until = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (!done())
        {
            if (Stopwatch.GetTimestamp() > until) return false;
            await Task.Delay(20);
        }
        return true;
    }
}

/// <summary>Samples the process's working set and managed heap while a phase runs.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler() => _loop = Task.Run(async () =>
    {
        using var process = Process.GetCurrentProcess();
        while (!_stop.IsCancellationRequested)
        {
            process.Refresh();
            PeakWorkingSet = Math.Max(PeakWorkingSet, process.WorkingSet64);
            PeakManaged = Math.Max(PeakManaged, GC.GetTotalMemory(false));
            PeakLive = Math.Max(PeakLive, GC.GetGCMemoryInfo().HeapSizeBytes);
            try { await Task.Delay(100, _stop.Token); } catch (OperationCanceledException) { }
        }
    });

    public long PeakWorkingSet { get; private set; }
    public long PeakManaged { get; private set; }
    /// <summary>The managed heap as the last collection left it: what is really held, without garbage not yet collected.</summary>
    public long PeakLive { get; private set; }

    public static long WorkingSetNow()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
