using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace SendPilot.Client.Http
{
    /// <summary>
    /// Shared by requests that run side by side (e.g. the batches of one lead upload): when one of them
    /// is told to wait by a 429 with Retry-After, every request through the gate waits that long before
    /// its next attempt, instead of each worker finding out with its own 429.
    /// </summary>
    public sealed class RequestGate
    {
        private static readonly Stopwatch Clock = Stopwatch.StartNew();
        private long _resumeAtTicks;

        /// <summary>Holds every request through the gate for at least <paramref name="delay"/> from now.</summary>
        public void PauseFor(TimeSpan delay)
        {
            long resumeAt = Clock.Elapsed.Ticks + delay.Ticks;
            long current;
            while ((current = Interlocked.Read(ref _resumeAtTicks)) < resumeAt)
                if (Interlocked.CompareExchange(ref _resumeAtTicks, resumeAt, current) == current) break;
        }

        /// <summary>How long requests must still wait (zero when the gate is open).</summary>
        public TimeSpan Remaining
        {
            get
            {
                long wait = Interlocked.Read(ref _resumeAtTicks) - Clock.Elapsed.Ticks;
                return wait > 0 ? TimeSpan.FromTicks(wait) : TimeSpan.Zero;
            }
        }

        /// <summary>Completes once the gate is open.</summary>
        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            TimeSpan wait;
            while ((wait = Remaining) > TimeSpan.Zero)
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }
}
