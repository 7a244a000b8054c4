using BalkanBot.Channels;
using Microsoft.Extensions.Logging.Abstractions;

namespace BalkanBot.Tests.Channels;

public sealed class WorkQueueTests
{
    private sealed class TestQueue(WorkQueueLimits limits) : WorkQueue("test", limits, NullLogger.Instance);

    /// <summary>Work that reports when it starts and finishes only when the test says so.</summary>
    private sealed class Step
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;
        public void Release() => _release.TrySetResult();
        public void Fail(Exception ex) => _release.TrySetException(ex);

        public async Task RunAsync(CancellationToken ct)
        {
            _started.TrySetResult();
            await _release.Task.WaitAsync(ct);
        }
    }

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TryEnqueue_SameConversation_RunsInArrivalOrderOneAtATime()
    {
        var queue = new TestQueue(new(10, 10));
        var (first, second) = (new Step(), new Step());

        Assert.True(queue.TryEnqueue("c1", "a", first.RunAsync));
        Assert.True(queue.TryEnqueue("c1", "b", second.RunAsync));
        await first.Started.WaitAsync(Wait);

        Assert.False(second.Started.IsCompleted);
        first.Release();
        await second.Started.WaitAsync(Wait);
        second.Release();
        await queue.WhenIdleAsync().WaitAsync(Wait);
        Assert.Equal(0, queue.Pending);
    }

    [Fact]
    public async Task TryEnqueue_StuckConversation_OthersStillRun()
    {
        var queue = new TestQueue(new(10, 10));
        var stuck = new Step();
        var other = new Step();

        queue.TryEnqueue("stuck", "a", stuck.RunAsync);
        await stuck.Started.WaitAsync(Wait);
        queue.TryEnqueue("other", "b", other.RunAsync);

        await other.Started.WaitAsync(Wait);
        other.Release();
        stuck.Release();
        await queue.WhenIdleAsync().WaitAsync(Wait);
    }

    [Fact]
    public async Task TryEnqueue_AtCapacity_RefusedUntilSomethingFinishes()
    {
        var queue = new TestQueue(new(2, 2));
        var steps = new[] { new Step(), new Step(), new Step() };

        Assert.True(queue.TryEnqueue("a", "x", steps[0].RunAsync));
        Assert.True(queue.TryEnqueue("b", "x", steps[1].RunAsync));
        Assert.False(queue.TryEnqueue("c", "x", steps[2].RunAsync));
        Assert.Equal(2, queue.Pending);

        steps[0].Release();
        steps[1].Release();
        await queue.WhenIdleAsync().WaitAsync(Wait);
        Assert.True(queue.TryEnqueue("c", "x", steps[2].RunAsync));
        steps[2].Release();
        await queue.WhenIdleAsync().WaitAsync(Wait);
    }

    [Fact]
    public async Task TryEnqueue_ConversationAtItsLimit_RefusedWhileOthersAccepted()
    {
        var queue = new TestQueue(new(10, 2));
        var steps = Enumerable.Range(0, 4).Select(_ => new Step()).ToArray();

        Assert.True(queue.TryEnqueue("busy", "x", steps[0].RunAsync));
        Assert.True(queue.TryEnqueue("busy", "x", steps[1].RunAsync));
        Assert.False(queue.TryEnqueue("busy", "x", steps[2].RunAsync));
        Assert.True(queue.TryEnqueue("quiet", "x", steps[3].RunAsync));

        foreach (var s in steps) s.Release();
        await queue.WhenIdleAsync().WaitAsync(Wait);
    }

    [Fact]
    public async Task TryEnqueue_GroupAtItsLimit_RefusedWhileOtherGroupsAccepted()
    {
        var queue = new TestQueue(new(10, 10, PerGroup: 2));
        var steps = Enumerable.Range(0, 4).Select(_ => new Step()).ToArray();

        Assert.True(queue.TryEnqueue("a", "x", steps[0].RunAsync, group: "dead-host"));
        Assert.True(queue.TryEnqueue("b", "x", steps[1].RunAsync, group: "dead-host"));
        Assert.False(queue.TryEnqueue("c", "x", steps[2].RunAsync, group: "dead-host"));
        Assert.True(queue.TryEnqueue("c", "x", steps[3].RunAsync, group: "good-host"));

        foreach (var step in steps) step.Release();
        await queue.WhenIdleAsync().WaitAsync(Wait);
        var later = new Step();
        later.Release();
        Assert.True(queue.TryEnqueue("c", "x", later.RunAsync, group: "dead-host")); // finished work gave its share back
        await queue.WhenIdleAsync().WaitAsync(Wait);
    }

    [Fact]
    public async Task Run_WorkThrows_LaneContinuesWithTheNextItem()
    {
        var queue = new TestQueue(new(10, 10));
        var (failing, next) = (new Step(), new Step());
        failing.Fail(new InvalidOperationException("bug"));
        next.Release();

        queue.TryEnqueue("c", "a", failing.RunAsync);
        queue.TryEnqueue("c", "b", next.RunAsync);

        await next.Started.WaitAsync(Wait);
        await queue.WhenIdleAsync().WaitAsync(Wait);
    }

    [Fact]
    public async Task StopAsync_WorkStillRunningAtTheDeadline_IsCancelledAndNewWorkRefused()
    {
        var queue = new TestQueue(new(10, 10));
        var stuck = new Step();
        queue.TryEnqueue("c", "a", stuck.RunAsync);
        await stuck.Started.WaitAsync(Wait);

        await queue.StopAsync(new CancellationToken(canceled: true));

        await queue.WhenIdleAsync().WaitAsync(Wait);
        Assert.False(queue.TryEnqueue("c", "b", new Step().RunAsync));
    }

    [Fact]
    public void Constructor_PerConversationAboveCapacity_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TestQueue(new(2, 3)));
}
