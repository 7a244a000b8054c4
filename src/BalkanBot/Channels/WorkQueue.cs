using System.Diagnostics;
using BalkanBot.Diagnostics;

namespace BalkanBot.Channels;

/// <summary>How much background work a channel holds at once; beyond it new work is refused, never buffered.</summary>
/// <param name="Capacity">Items accepted and not yet finished (waiting or running), across all conversations.</param>
/// <param name="PerConversation">Of those, at most this many for one conversation, so one busy chat cannot fill the queue.</param>
/// <param name="PerGroup">Of those, at most this many for one group of conversations (the host replies go to), when set.</param>
public sealed record WorkQueueLimits(int Capacity, int PerConversation, int? PerGroup = null);

/// <summary>
/// Work a channel does after it has answered the HTTP request (Teams wants its 200 fast and the reply as a separate
/// call; Slack wants its acknowledgement within 3 s). Each conversation has a lane: its items run one after another,
/// in arrival order, while different conversations run side by side. Nothing here waits on a shared pool of
/// slots, so a reply stuck on a slow connector or response_url holds up only its own conversation. Bounded by
/// <see cref="WorkQueueLimits"/>: memory stays flat under a flood and callers learn at once that they should come
/// back later. Kept in memory: work accepted but not finished is lost if the process is killed.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "It is a queue of work, named for what it is; it is not a collection type.")]
public abstract class WorkQueue : IHostedService, IDisposable
{
    private sealed record Item(string Kind, string? Group, Func<CancellationToken, Task> Work, ActivityContext Parent);

    private readonly Dictionary<string, Queue<Item>> _lanes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _groups = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationToken _stoppingToken;
    private readonly string _channel;
    private readonly ILogger _log;
    private TaskCompletionSource _idle = Completed();
    private int _pending;
    private bool _stopped;
    private bool _full; // refusals are logged once per spell of fullness, not once per request of a flood

    protected WorkQueue(string channel, WorkQueueLimits limits, ILogger log)
    {
        if (limits.Capacity < 1 || limits.PerConversation < 1 || limits.PerConversation > limits.Capacity || limits.PerGroup is < 1)
            throw new ArgumentOutOfRangeException(nameof(limits), limits, "Limits must be positive, PerConversation at most Capacity.");
        _channel = channel;
        Limits = limits;
        _log = log;
        _stoppingToken = _stopping.Token;
        Telemetry.TrackQueue(this, channel, () => Pending);
    }

    public WorkQueueLimits Limits { get; }

    /// <summary>Items accepted and not yet finished.</summary>
    public int Pending
    {
        get { lock (_lock) return _pending; }
    }

    /// <summary>
    /// Accepts <paramref name="work"/> for <paramref name="conversation"/>'s lane, or returns false when the queue,
    /// that conversation or its <paramref name="group"/> is at its limit (or the host is stopping). Never blocks.
    /// </summary>
    public bool TryEnqueue(string conversation, string kind, Func<CancellationToken, Task> work, string? group = null)
    {
        Queue<Item>? lane;
        var parent = Activity.Current?.Context ?? default;
        lock (_lock)
        {
            if (_stopped) return false;
            if (_pending >= Limits.Capacity) return Refused(kind);
            _lanes.TryGetValue(conversation, out lane);
            if (lane?.Count >= Limits.PerConversation)
            {
                Log.WorkRefusedForShare(_log, _channel, kind, "conversation", Limits.PerConversation);
                return false;
            }
            if (group is not null && Limits.PerGroup is { } perGroup && _groups.GetValueOrDefault(group) >= perGroup)
            {
                Log.WorkRefusedForShare(_log, _channel, kind, "group", perGroup);
                return false;
            }
            if (group is not null) _groups[group] = _groups.GetValueOrDefault(group) + 1;
            if (_pending++ == 0) _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (lane is not null)
            {
                lane.Enqueue(new Item(kind, group, work, parent));
                return true; // the lane's runner picks it up after the items ahead of it
            }
            lane = new Queue<Item>();
            lane.Enqueue(new Item(kind, group, work, parent));
            _lanes[conversation] = lane;
        }
        _ = Task.Run(() => RunLaneAsync(conversation, lane));
        return true;
    }

    /// <summary>Completes when nothing is waiting or running (tests and shutdown wait on it).</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock) return _idle.Task.WaitAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Refuses new work, gives what is running until the host's shutdown timeout, then cancels it.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_lock) _stopped = true;
        Telemetry.UntrackQueue(this);
        try
        {
            await WhenIdleAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await CancelRunningAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Cancels what is still running; the container may dispose the queue before or after the host stops it.</summary>
    public void Dispose()
    {
        lock (_lock) _stopped = true;
        Telemetry.UntrackQueue(this);
        CancelRunningAsync().GetAwaiter().GetResult();
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task CancelRunningAsync()
    {
        try
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task RunLaneAsync(string conversation, Queue<Item> lane)
    {
        Activity.Current = null; // each item's span takes the context it was accepted in, not the lane starter's
        using var scope = _log.BeginScope(new Dictionary<string, object?> { ["Channel"] = _channel, ["ConversationId"] = conversation });
        while (true)
        {
            Item item;
            lock (_lock) item = lane.Peek(); // stays counted against the conversation while it runs
            using (var span = Telemetry.StartTurn(_channel, item.Kind, conversation, item.Parent))
            {
                try
                {
                    await item.Work(_stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_stoppingToken.IsCancellationRequested)
                {
                }
                catch (Exception ex)
                {
                    Telemetry.Failed(span, ex);
                    Log.WorkFailed(_log, ex, _channel, item.Kind);
                }
            }
            lock (_lock)
            {
                lane.Dequeue();
                if (item.Group is not null && --_groups[item.Group] == 0) _groups.Remove(item.Group);
                _full = false;
                if (--_pending == 0) _idle.TrySetResult();
                if (lane.Count == 0)
                {
                    _lanes.Remove(conversation);
                    return;
                }
            }
        }
    }

    private bool Refused(string kind)
    {
        if (!_full) Log.WorkRefused(_log, _channel, kind, _pending);
        _full = true;
        return false;
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}
