namespace BalkanBot.Tests.Digests;

/// <summary>
/// A clock tests move by hand (Microsoft.Extensions.TimeProvider.Testing does not restore here). Timers fire when
/// time passes their due time. With <see cref="AutoAdvance"/>, every wait jumps the clock forward at once, so
/// code that backs off for seconds or minutes runs instantly and the clock shows how long it waited.
/// </summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now = start;
    private TaskCompletionSource _timerAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool AutoAdvance { get; set; }
    public TimeSpan TotalWaited { get; private set; }

    public override DateTimeOffset GetUtcNow() { lock (_gate) return _now; }
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public void Advance(TimeSpan by) => SetUtcNow(GetUtcNow() + by);

    public void SetUtcNow(DateTimeOffset to)
    {
        List<FakeTimer> due;
        lock (_gate)
        {
            if (to < _now) throw new InvalidOperationException("Time only moves forward.");
            _now = to;
            due = _timers.Where(t => t.DueAt <= to).OrderBy(t => t.DueAt).ToList();
            foreach (var t in due) _timers.Remove(t);
        }
        foreach (var t in due) t.Fire();
    }

    /// <summary>Completes once some code is waiting on this clock (a Task.Delay or timer with a due time).</summary>
    public Task WaitForWaiterAsync()
    {
        lock (_gate) return _timers.Count > 0 ? Task.CompletedTask : _timerAdded.Task;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(FakeTimer timer, TimeSpan dueTime)
    {
        TaskCompletionSource added;
        DateTimeOffset dueAt;
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan) return;
            dueAt = _now + dueTime;
            timer.DueAt = dueAt;
            _timers.Add(timer);
            added = _timerAdded;
            _timerAdded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        added.TrySetResult();
        if (AutoAdvance)
        {
            lock (_gate) TotalWaited += dueTime;
            // Off this thread: the caller has not finished setting up its wait yet.
            ThreadPool.QueueUserWorkItem(_ => { lock (_gate) { if (_now < dueAt) _now = dueAt; } SetUtcNow(GetUtcNow()); });
        }
    }

    private void Unschedule(FakeTimer timer) { lock (_gate) _timers.Remove(timer); }

    private sealed class FakeTimer(FakeTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Schedule(this, dueTime);
            return true;
        }

        public void Fire() => ThreadPool.QueueUserWorkItem(_ => callback(state));

        public void Dispose() => clock.Unschedule(this);
        public ValueTask DisposeAsync() { Dispose(); return ValueTask.CompletedTask; }
    }
}
