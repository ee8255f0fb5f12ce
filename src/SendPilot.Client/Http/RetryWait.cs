using System;

namespace SendPilot.Client.Http
{
    /// <summary>A wait before a retry, reported through <see cref="ClientLog.WaitWriter"/> when it starts and when it ends.</summary>
    public sealed class RetryWait
    {
        /// <summary>Waits longer than this are reported; shorter ones only get the verbose line.</summary>
        public static readonly TimeSpan ReportAbove = TimeSpan.FromSeconds(2);

        public RetryWait(TimeSpan delay, int retry, int maxRetries, bool askedBySendPilot, bool ended)
        {
            Delay = delay;
            Retry = retry;
            MaxRetries = maxRetries;
            AskedBySendPilot = askedBySendPilot;
            Ended = ended;
        }

        public TimeSpan Delay { get; }
        public int Retry { get; }
        public int MaxRetries { get; }

        /// <summary>SendPilot answered 429 (too many requests); otherwise the request failed and is retried after a backoff.</summary>
        public bool AskedBySendPilot { get; }

        /// <summary>The wait is over (or was cancelled).</summary>
        public bool Ended { get; }

        public RetryWait End() => new RetryWait(Delay, Retry, MaxRetries, AskedBySendPilot, true);

        /// <summary>e.g. "Waiting 30 s: SendPilot asked to slow down (retry 1 of 4)".</summary>
        public override string ToString() =>
            $"Waiting {Math.Ceiling(Delay.TotalSeconds):0} s: " +
            (AskedBySendPilot ? "SendPilot asked to slow down" : "SendPilot did not answer in time or failed") +
            $" (retry {Retry} of {MaxRetries})";
    }
}
