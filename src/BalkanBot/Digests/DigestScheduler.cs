using BalkanBot.Diagnostics;
using BalkanBot.Knowledge;
using Microsoft.Extensions.Options;

namespace BalkanBot.Digests;

/// <summary>
/// The one scheduler loop in the host. At start it records the knowledge base's hashes (so a rebuild before this
/// start counts as changes), then sleeps until the next due time (at most PollInterval) and runs a pass.
/// The clock is injected, so tests move time instead of waiting.
/// </summary>
public sealed class DigestScheduler(DigestRunner runner, IDigestStore store, KnowledgeBase kb, IOptions<DigestOptions> digestOptions, TimeProvider clock,
    ILogger<DigestScheduler> log) : BackgroundService
{
    private readonly DigestOptions _options = digestOptions.Value;

    /// <summary>Completes after each pass; tests await it to know the loop has caught up.</summary>
    internal event Action<RunSummary>? PassCompleted;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var update = await KnowledgeChanges.RecordAsync(kb, store, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            Log.KnowledgeChangesRecorded(log, update.Added, update.Changed, update.Removed, update.Unchanged);
        }
        catch (Exception ex) when (Storage.StoreFailure.Is(ex))
        {
            // The bot still answers questions; changes not recorded now count from the next recording instead.
            Log.KnowledgeChangesFailed(log, ex);
        }
        Log.SchedulerStarted(log, string.Join(", ", runner.Schedules.Values.Select(s => $"{s.Name}='{s.Cron}' {s.Zone.Id}")), _options.Enabled);
        if (_options.Enabled) await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first pass.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            RunSummary? summary = null;
            try
            {
                summary = await runner.RunDueAsync(stoppingToken).ConfigureAwait(false);
                PassCompleted?.Invoke(summary);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.SchedulerPassFailed(log, ex);
            }
            try
            {
                await Task.Delay(await DelayAsync(summary, stoppingToken).ConfigureAwait(false), clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<TimeSpan> DelayAsync(RunSummary? last, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var wake = await store.NextWakeAsync(ct).ConfigureAwait(false);
        var delay = wake is { } w ? w - now : _options.PollInterval;
        if (delay > _options.PollInterval) delay = _options.PollInterval;
        if (delay > TimeSpan.Zero) return delay;
        // Overdue after a pass: either it came due while the pass ran (look again soon), or the pass could not
        // handle it (another worker holds it, its schedule was removed) and looking again at once would spin.
        var busy = last is { } s && s.Opened + s.Sent + s.Skipped + s.Failed + s.Cancelled + s.InDoubt > 0;
        return busy ? TimeSpan.FromSeconds(1) : _options.PollInterval;
    }
}
