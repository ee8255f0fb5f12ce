using System;

namespace SendPilot.Client
{
    /// <summary>
    /// Where the client reports what it does: one line per request and retry (verbose) and redacted
    /// wire detail (debug). A null writer means that level is off and nothing is formatted for it.
    /// </summary>
    public sealed class ClientLog
    {
        public static readonly ClientLog None = new ClientLog(null, null);

        public ClientLog(Action<string>? verbose, Action<string>? debug, Action<Http.RetryWait>? wait = null)
        {
            VerboseWriter = verbose;
            DebugWriter = debug;
            WaitWriter = wait;
        }

        public Action<string>? VerboseWriter { get; }

        /// <summary>Told when a retry wait longer than <see cref="Http.RetryWait.ReportAbove"/> starts and when it ends.</summary>
        public Action<Http.RetryWait>? WaitWriter { get; }
        public Action<string>? DebugWriter { get; }
        public bool DebugEnabled => DebugWriter != null;
    }
}
