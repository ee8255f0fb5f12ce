using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace SendPilot.Client.Leads
{
    /// <summary>
    /// Runs batches on the thread pool with at most throttleLimit in flight and up to throttleLimit more
    /// ready, so a freed slot never waits for the producer. <see cref="EnqueueAsync"/> completes at once
    /// unless the ready queue is full; then it completes when a finishing batch makes room, or is cancelled.
    /// Once <see cref="Stop"/> is called no new batch starts: ready and newly added batches are dropped.
    /// A slot is one task that sends its batch and then each ready batch in turn: a finished batch hands its
    /// slot on without a new thread-pool work item (and the wake-up of a worker that goes with it).
    /// </summary>
    internal sealed class BatchScheduler<TBatch>
    {
        private readonly object _lock = new object();
        private readonly int _throttleLimit;
        private readonly CancellationToken _cancellation;
        private readonly Action<TBatch> _starting;
        private readonly Func<TBatch, Task> _send;
        private readonly Action<TBatch> _finished;
        private readonly Action<TBatch> _dropped;
        private readonly Queue<TBatch> _ready = new Queue<TBatch>();
        private readonly List<Task> _slots = new List<Task>();
        private int _running;
        private TaskCompletionSource<bool>? _roomWaiter;
        private CancellationTokenRegistration _roomCancellation;
        private volatile bool _stopped;

        /// <param name="throttleLimit">Batches in flight at once, and batches kept ready.</param>
        /// <param name="cancellation">Cancels a producer waiting for room.</param>
        /// <param name="starting">The batch took a slot; called under the scheduler's lock, so keep it short.</param>
        /// <param name="send">Sends the batch, on the thread pool, and accounts for its outcome (a failure it lets out still
        /// fails the slot's task, after the slot's other batches).</param>
        /// <param name="finished">After the batch was sent and its slot handed on.</param>
        /// <param name="dropped">A batch that will never be sent because the scheduler was stopped.</param>
        public BatchScheduler(int throttleLimit, CancellationToken cancellation,
            Action<TBatch> starting, Func<TBatch, Task> send, Action<TBatch> finished, Action<TBatch> dropped)
        {
            _throttleLimit = throttleLimit;
            _cancellation = cancellation;
            _starting = starting;
            _send = send;
            _finished = finished;
            _dropped = dropped;
        }

        /// <summary>From now on a finishing batch hands its slot to no one and ready batches are dropped.</summary>
        public void Stop() => _stopped = true;

        /// <summary>Starts the batch if a slot is free, else queues it (or drops it once stopped).</summary>
        public Task EnqueueAsync(TBatch batch)
        {
            if (_stopped)
            {
                _dropped(batch);
                return Task.CompletedTask;
            }
            lock (_lock)
            {
                if (_running < _throttleLimit)
                {
                    _running++;
                    _starting(batch);
                    _slots.RemoveAll(t => t.Status == TaskStatus.RanToCompletion); // a failed one stays, for WaitIdleAsync to throw
                    _slots.Add(Task.Run(() => RunSlotAsync(batch)));
                    return Task.CompletedTask;
                }
                _ready.Enqueue(batch);
                return _ready.Count < _throttleLimit ? Task.CompletedTask : WaitForRoom();
            }
        }

        /// <summary>Removes the batches not yet started, for the caller to account for; releases a waiting producer.</summary>
        public List<TBatch> TakeReady()
        {
            lock (_lock)
            {
                List<TBatch> taken = _ready.ToList();
                _ready.Clear();
                ReleaseRoomWaiter()?.TrySetResult(true);
                return taken;
            }
        }

        /// <summary>
        /// Until no batch is in flight or ready, and every slot's task has ended (so a failure a send let out is thrown here).
        /// </summary>
        public async Task WaitIdleAsync()
        {
            bool idle;
            do
            {
                Task[] slots;
                lock (_lock)
                {
                    idle = _running == 0 && _ready.Count == 0;
                    slots = _slots.ToArray();
                }
                try
                {
                    await Task.WhenAll(slots).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Each batch accounts for its own outcome.
                }
            }
            while (!idle);
        }

        /// <summary>Called under the lock.</summary>
        private Task WaitForRoom()
        {
            var waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _roomWaiter = waiter;
            _roomCancellation = _cancellation.Register(() => waiter.TrySetCanceled());
            return waiter.Task;
        }

        /// <summary>Sends the batch, then every batch that is ready when the one before finishes.</summary>
        private async Task RunSlotAsync(TBatch batch)
        {
            ExceptionDispatchInfo? failure = null;
            while (true)
            {
                try
                {
                    await _send(batch).ConfigureAwait(false);
                }
                catch (Exception escaped)
                {
                    failure ??= ExceptionDispatchInfo.Capture(escaped);
                }
                bool more = HandOnSlot(out TBatch next);
                _finished(batch);
                if (!more) break;
                batch = next;
            }
            failure?.Throw();
        }

        /// <summary>A batch finished: its slot takes the next ready batch (true), or is freed.</summary>
        private bool HandOnSlot(out TBatch next)
        {
            List<TBatch>? dropped = null;
            TaskCompletionSource<bool>? room;
            bool more;
            lock (_lock)
            {
                if (_stopped && _ready.Count > 0)
                {
                    dropped = _ready.ToList();
                    _ready.Clear();
                }
                more = _ready.Count > 0;
                next = more ? _ready.Dequeue() : default!;
                if (more) _starting(next);
                else _running--;
                room = _ready.Count < _throttleLimit ? ReleaseRoomWaiter() : null;
            }
            if (dropped != null)
                foreach (TBatch batch in dropped) _dropped(batch);
            room?.TrySetResult(true);
            return more;
        }

        /// <summary>Called under the lock.</summary>
        private TaskCompletionSource<bool>? ReleaseRoomWaiter()
        {
            TaskCompletionSource<bool>? waiter = _roomWaiter;
            if (waiter == null) return null;
            _roomWaiter = null;
            _roomCancellation.Dispose();
            return waiter;
        }
    }
}
