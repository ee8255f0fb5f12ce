using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using SendPilot.Client.Models;

namespace SendPilot.Client.LeadSourcing
{
    /// <summary>How long and how often to poll a job.</summary>
    public sealed class LeadJobWaitOptions
    {
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

        /// <summary>The first pause between polls; each later pause is half as long again, up to <see cref="MaxPollInterval"/>.</summary>
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

        public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(30);
    }

    /// <summary>How a wait ended: the job finished (completed or failed), or the time ran out first.</summary>
    public sealed class LeadJobWaitResult<TJob> where TJob : LeadSourcingJob
    {
        public LeadJobWaitResult(TJob? job, bool timedOut, TimeSpan waited)
        {
            Job = job;
            TimedOut = timedOut;
            Waited = waited;
        }

        /// <summary>The job as last seen; null only when no poll was answered.</summary>
        public TJob? Job { get; }

        public bool TimedOut { get; }
        public TimeSpan Waited { get; }
    }

    /// <summary>
    /// Polls a job until it finishes or the time is up, backing off between polls. A 429 that outlasts the core's
    /// own retries pauses polling for its Retry-After (or the current pause) instead of ending the wait.
    /// </summary>
    public static class LeadJobWaiter
    {
        public static async Task<LeadJobWaitResult<TJob>> WaitAsync<TJob>(Func<CancellationToken, Task<TJob>> poll, TJob? known,
            LeadJobWaitOptions options, Action<TJob> onPoll, CancellationToken cancellationToken)
            where TJob : LeadSourcingJob
        {
            var clock = Stopwatch.StartNew();
            TimeSpan interval = options.PollInterval;
            TimeSpan ceiling = options.MaxPollInterval > interval ? options.MaxPollInterval : interval;
            while (true)
            {
                TimeSpan? pause = null;
                try
                {
                    known = await poll(cancellationToken).ConfigureAwait(false);
                    onPoll(known);
                    if (known.IsFinished) return new LeadJobWaitResult<TJob>(known, false, clock.Elapsed);
                }
                catch (SendPilotApiException limited) when (limited.Kind == ApiErrorKind.RateLimited)
                {
                    pause = limited.RetryAfter;
                }

                TimeSpan remaining = options.Timeout - clock.Elapsed;
                if (remaining <= TimeSpan.Zero) return new LeadJobWaitResult<TJob>(known, true, clock.Elapsed);
                TimeSpan delay = pause ?? interval;
                await Task.Delay(delay < remaining ? delay : remaining, cancellationToken).ConfigureAwait(false);
                interval = TimeSpan.FromTicks(Math.Min(ceiling.Ticks, (long)(interval.Ticks * 1.5)));
            }
        }
    }
}
