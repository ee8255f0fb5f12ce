using System.Collections.Concurrent;
using SendPilot.Client.Leads;
using Xunit;

namespace SendPilot.Client.Tests.Leads;

/// <summary>The upload's slot logic: batches are ints, each send finishes only when the test says so.</summary>
public class BatchSchedulerTests
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    private sealed class Harness
    {
        private readonly ConcurrentDictionary<int, TaskCompletionSource<bool>> _sends = new();
        private readonly ConcurrentDictionary<int, TaskCompletionSource<bool>> _finished = new();

        public Harness(int throttleLimit, CancellationToken cancellation = default)
        {
            Scheduler = new BatchScheduler<int>(throttleLimit, cancellation,
                starting: batch => Started.Enqueue(batch),
                send: batch => Send(batch).Task,
                finished: batch =>
                {
                    StartedWhenFinished[batch] = Started.ToArray();
                    Finished(batch).TrySetResult(true);
                },
                dropped: batch => Dropped.Enqueue(batch));
        }

        public BatchScheduler<int> Scheduler { get; }
        public ConcurrentQueue<int> Started { get; } = new();
        public ConcurrentQueue<int> Dropped { get; } = new();
        public ConcurrentDictionary<int, int[]> StartedWhenFinished { get; } = new();

        private TaskCompletionSource<bool> Send(int batch) =>
            _sends.GetOrAdd(batch, _ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));

        private TaskCompletionSource<bool> Finished(int batch) =>
            _finished.GetOrAdd(batch, _ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));

        /// <summary>Lets the batch's send complete and waits until the scheduler has dealt with it.</summary>
        public async Task FinishAsync(int batch)
        {
            Send(batch).TrySetResult(true);
            await Finished(batch).Task.WaitAsync(Hang);
        }

        /// <summary>Lets the batch's send fail with an exception it does not handle, and waits as above.</summary>
        public async Task FailAsync(int batch, Exception failure)
        {
            Send(batch).TrySetException(failure);
            await Finished(batch).Task.WaitAsync(Hang);
        }
    }

    [Fact]
    public async Task Runs_up_to_the_limit_and_keeps_as_many_ready_before_making_the_producer_wait()
    {
        var h = new Harness(throttleLimit: 2);

        Assert.True(h.Scheduler.EnqueueAsync(1).IsCompleted);
        Assert.True(h.Scheduler.EnqueueAsync(2).IsCompleted);
        Assert.True(h.Scheduler.EnqueueAsync(3).IsCompleted);
        Task fourth = h.Scheduler.EnqueueAsync(4);

        Assert.False(fourth.IsCompleted);
        Assert.Equal(new[] { 1, 2 }, h.Started);

        await h.FinishAsync(1);
        await fourth.WaitAsync(Hang);
        Assert.Equal(new[] { 1, 2, 3 }, h.Started);
        Assert.Equal(new[] { 1, 2, 3 }, h.StartedWhenFinished[1]);

        await h.FinishAsync(2);
        await h.FinishAsync(3);
        Task idle = h.Scheduler.WaitIdleAsync();
        Assert.False(idle.IsCompleted);
        await h.FinishAsync(4);
        await idle.WaitAsync(Hang);
        Assert.Equal(new[] { 1, 2, 3, 4 }, h.Started);
        Assert.Empty(h.Dropped);
    }

    [Fact]
    public async Task A_freed_slot_without_ready_batches_is_reused_by_the_next_batch()
    {
        var h = new Harness(throttleLimit: 1);

        Assert.True(h.Scheduler.EnqueueAsync(1).IsCompleted);
        await h.FinishAsync(1);
        await h.Scheduler.WaitIdleAsync().WaitAsync(Hang);

        Assert.True(h.Scheduler.EnqueueAsync(2).IsCompleted);
        Assert.Equal(new[] { 1, 2 }, h.Started);
        await h.FinishAsync(2);
        await h.Scheduler.WaitIdleAsync().WaitAsync(Hang);
    }

    [Fact]
    public async Task Once_stopped_ready_and_new_batches_are_dropped_and_the_producer_released()
    {
        var h = new Harness(throttleLimit: 1);
        Assert.True(h.Scheduler.EnqueueAsync(1).IsCompleted);
        Task waiting = h.Scheduler.EnqueueAsync(2);
        Assert.False(waiting.IsCompleted);

        h.Scheduler.Stop();
        await h.FinishAsync(1);
        await waiting.WaitAsync(Hang);
        Assert.True(h.Scheduler.EnqueueAsync(3).IsCompleted);
        await h.Scheduler.WaitIdleAsync().WaitAsync(Hang);

        Assert.Equal(new[] { 1 }, h.Started);
        Assert.Equal(new[] { 2, 3 }, h.Dropped);
    }

    [Fact]
    public async Task TakeReady_hands_back_the_queued_batches_and_releases_the_producer()
    {
        var h = new Harness(throttleLimit: 1);
        Assert.True(h.Scheduler.EnqueueAsync(1).IsCompleted);
        Task waiting = h.Scheduler.EnqueueAsync(2);

        Assert.Equal(new[] { 2 }, h.Scheduler.TakeReady());
        await waiting.WaitAsync(Hang);
        await h.FinishAsync(1);
        await h.Scheduler.WaitIdleAsync().WaitAsync(Hang);

        Assert.Equal(new[] { 1 }, h.Started);
        Assert.Empty(h.Dropped);
    }

    [Fact]
    public async Task Cancellation_releases_a_waiting_producer_without_dropping_its_batch()
    {
        using var cancel = new CancellationTokenSource();
        var h = new Harness(throttleLimit: 1, cancel.Token);
        Assert.True(h.Scheduler.EnqueueAsync(1).IsCompleted);
        Task waiting = h.Scheduler.EnqueueAsync(2);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Hang));

        await h.FinishAsync(1);
        await h.FinishAsync(2);
        await h.Scheduler.WaitIdleAsync().WaitAsync(Hang);
        Assert.Equal(new[] { 1, 2 }, h.Started);
    }

    [Fact]
    public async Task A_send_that_throws_does_not_strand_the_batches_ready_behind_it_and_its_failure_surfaces_at_the_end()
    {
        var h = new Harness(throttleLimit: 1);
        Assert.True(h.Scheduler.EnqueueAsync(1).IsCompleted);
        Task second = h.Scheduler.EnqueueAsync(2);

        await h.FailAsync(1, new InvalidOperationException("batch 1 broke"));
        await second.WaitAsync(Hang);
        Assert.Equal(new[] { 1, 2 }, h.Started);
        await h.FinishAsync(2);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => h.Scheduler.WaitIdleAsync().WaitAsync(Hang));
        Assert.Equal("batch 1 broke", failure.Message);
        Assert.Empty(h.Dropped);
    }
}
