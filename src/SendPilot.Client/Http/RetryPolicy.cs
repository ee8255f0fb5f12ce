using System;

namespace SendPilot.Client.Http
{
    /// <summary>How hard the client tries before giving up on a request.</summary>
    public sealed class RetryPolicy
    {
        /// <summary>Retries after the first attempt (0 disables retries).</summary>
        public int MaxRetries { get; set; } = 4;

        /// <summary>No retry starts once this much time has passed since the first attempt.</summary>
        public TimeSpan MaxTotalTime { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>First backoff step; each later step doubles, with full jitter.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>A server's Retry-After is honoured up to this long.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(120);

        private static readonly Random Jitter = new Random();

        internal TimeSpan Backoff(int retryNumber)
        {
            double ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, retryNumber - 1));
            double sample;
            lock (Jitter) { sample = Jitter.NextDouble(); }
            // Half fixed, half random: spreads concurrent clients without collapsing to zero.
            return TimeSpan.FromMilliseconds(ceiling / 2 + sample * ceiling / 2);
        }

        internal TimeSpan CapRetryAfter(TimeSpan retryAfter)
        {
            if (retryAfter < TimeSpan.Zero) return TimeSpan.Zero;
            return retryAfter > MaxRetryAfter ? MaxRetryAfter : retryAfter;
        }

        public RetryPolicy Clone() => (RetryPolicy)MemberwiseClone();
    }
}
