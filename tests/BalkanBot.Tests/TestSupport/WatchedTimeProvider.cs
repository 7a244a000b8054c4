using Microsoft.Extensions.Time.Testing;

namespace BalkanBot.Tests.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also tells the test when code starts waiting on it, and can jump each wait
/// forward at once (<see cref="AutoAdvance"/>) so code that backs off for seconds or minutes runs instantly and
/// <see cref="TotalWaited"/> shows how long it waited.
/// </summary>
public sealed class WatchedTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly object _gate = new();
    private int _waiters;
    private TaskCompletionSource _waiterAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TimeSpan _totalWaited;

    public bool AutoAdvance { get; set; }

    public TimeSpan TotalWaited { get { lock (_gate) return _totalWaited; } }

    /// <summary>Completes once some code has started a wait on this clock (a Task.Delay or timer with a due time).</summary>
    public Task WaitForWaiterAsync()
    {
        lock (_gate) return _waiters > 0 ? Task.CompletedTask : _waiterAdded.Task;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan) return base.CreateTimer(callback, state, dueTime, period);

        var waiter = new Waiter(this);
        waiter.Inner = base.CreateTimer(s => { waiter.Done(); callback(s); }, state, dueTime, period);

        TaskCompletionSource added;
        DateTimeOffset dueAt;
        lock (_gate)
        {
            if (!waiter.IsDone) { _waiters++; waiter.Counted = true; }
            added = _waiterAdded;
            _waiterAdded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            dueAt = GetUtcNow() + dueTime;
            if (AutoAdvance) _totalWaited += dueTime;
        }
        added.TrySetResult();
        if (AutoAdvance)
        {
            // Off this thread: the caller has not finished setting up its wait yet.
            ThreadPool.QueueUserWorkItem(_ =>
            {
                lock (_gate)
                {
                    var now = GetUtcNow();
                    if (now < dueAt) Advance(dueAt - now);
                }
            });
        }
        return waiter;
    }

    /// <summary>Counts as a waiter until it fires or is disposed.</summary>
    private sealed class Waiter(WatchedTimeProvider clock) : ITimer
    {
        public ITimer Inner { get; set; } = null!;
        public bool IsDone { get; private set; }
        public bool Counted { get; set; }

        public void Done()
        {
            lock (clock._gate)
            {
                if (IsDone) return;
                IsDone = true;
                if (Counted) clock._waiters--;
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => Inner.Change(dueTime, period);
        public void Dispose() { Done(); Inner.Dispose(); }
        public ValueTask DisposeAsync() { Done(); return Inner.DisposeAsync(); }
    }
}
