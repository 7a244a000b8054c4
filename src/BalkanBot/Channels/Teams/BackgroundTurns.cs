using System.Collections.Concurrent;
using BalkanBot.Hosting;

namespace BalkanBot.Channels.Teams;

/// <summary>
/// Runs turns after the HTTP request has been answered: Teams wants its 200 fast and the reply as a separate call.
/// Bounded, so a flood of messages queues instead of starting unbounded work; drained on shutdown so a reply in
/// flight is not cut off.
/// </summary>
public sealed class BackgroundTurns(ILogger<BackgroundTurns> log) : IHostedService
{
    private const int MaxConcurrent = 16;
    private readonly SemaphoreSlim _slots = new(MaxConcurrent, MaxConcurrent);
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _stopping = new();

    public int Running => _running.Count;

    public void Run(string kind, Func<CancellationToken, Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await _slots.WaitAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await work(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                Log.TeamsTurnFailed(log, ex, kind);
            }
            finally
            {
                _slots.Release();
            }
        });
        _running.TryAdd(task, 0);
        task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>For tests: waits until every queued turn has finished.</summary>
    public async Task IdleAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!_running.IsEmpty && DateTime.UtcNow < until) await Task.WhenAny(Task.WhenAll(_running.Keys), Task.Delay(50)).ConfigureAwait(false);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Give replies in flight until the host's shutdown timeout, then cancel them.
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
    }
}
