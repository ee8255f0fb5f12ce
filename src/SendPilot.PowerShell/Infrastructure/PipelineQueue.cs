using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>
    /// PowerShell streams may only be written from the pipeline thread. Background work posts its
    /// writes here; the pipeline thread runs them while it waits for that work to finish.
    /// </summary>
    internal sealed class PipelineQueue : IDisposable
    {
        private readonly ConcurrentQueue<Action> _pending = new ConcurrentQueue<Action>();
        private readonly SemaphoreSlim _signal = new SemaphoreSlim(0);

        public void Post(Action write)
        {
            _pending.Enqueue(write);
            _signal.Release();
        }

        /// <summary>Runs posted writes until the task completes, then the rest.</summary>
        public void PumpUntil(Task task)
        {
            task.ContinueWith(_ => _signal.Release(), TaskContinuationOptions.ExecuteSynchronously);
            while (!task.IsCompleted)
            {
                _signal.Wait();
                Drain();
            }
            Drain();
        }

        public void Drain()
        {
            while (_pending.TryDequeue(out Action? write)) write();
        }

        public void Dispose() => _signal.Dispose();
    }
}
