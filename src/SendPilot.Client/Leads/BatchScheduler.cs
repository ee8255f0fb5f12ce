using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SendPilot.Client.Leads
{
    /// <summary>
    /// Runs batches on the thread pool with at most throttleLimit in flight and up to throttleLimit more
    /// ready, so a freed slot never waits for the producer. <see cref="EnqueueAsync"/> completes at once
    /// unless the ready queue is full; then it completes when a finishing batch makes room, or is cancelled.
    /// Once <see cref="Stop"/> is called no new batch starts: ready and newly added batches are dropped.
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
        private readonly List<Task> _inFlight = new List<Task>();
        private int _running;
        private TaskCompletionSource<bool>? _roomWaiter;
        private volatile bool _stopped;

        /// <param name="throttleLimit">Batches in flight at once, and batches kept ready.</param>
        /// <param name="cancellation">Cancels a producer waiting for room.</param>
        /// <param name="starting">The batch took a slot; called under the scheduler's lock, so keep it short.</param>
        /// <param name="send">Sends the batch, on the thread pool.</param>
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
                    Start(batch);
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

        /// <summary>Until no batch is in flight or ready.</summary>
        public async Task WaitIdleAsync()
        {
            while (true)
            {
                Task[] running;
                lock (_lock)
                {
                    if (_running == 0 && _ready.Count == 0) return;
                    running = _inFlight.ToArray();
                }
                try
                {
                    await Task.WhenAll(running).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Each batch accounts for its own outcome.
                }
            }
        }

        /// <summary>Called under the lock.</summary>
        private Task WaitForRoom()
        {
            var waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _roomWaiter = waiter;
            CancellationTokenRegistration registration = _cancellation.Register(() => waiter.TrySetCanceled());
            waiter.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
            return waiter.Task;
        }

        /// <summary>Called under the lock.</summary>
        private void Start(TBatch batch)
        {
            _starting(batch);
            _inFlight.RemoveAll(t => t.IsCompleted);
            _inFlight.Add(Task.Run(() => RunAsync(batch)));
        }

        private async Task RunAsync(TBatch batch)
        {
            try
            {
                await _send(batch).ConfigureAwait(false);
            }
            finally
            {
                HandOnSlot();
                _finished(batch);
            }
        }

        /// <summary>A batch finished: its slot goes to the next ready batch, or is freed.</summary>
        private void HandOnSlot()
        {
            List<TBatch>? dropped = null;
            TaskCompletionSource<bool>? room;
            lock (_lock)
            {
                if (_stopped && _ready.Count > 0)
                {
                    dropped = _ready.ToList();
                    _ready.Clear();
                }
                if (_ready.Count > 0) Start(_ready.Dequeue());
                else _running--;
                room = _ready.Count < _throttleLimit ? ReleaseRoomWaiter() : null;
            }
            if (dropped != null)
                foreach (TBatch batch in dropped) _dropped(batch);
            room?.TrySetResult(true);
        }

        private TaskCompletionSource<bool>? ReleaseRoomWaiter()
        {
            TaskCompletionSource<bool>? waiter = _roomWaiter;
            _roomWaiter = null;
            return waiter;
        }
    }
}
