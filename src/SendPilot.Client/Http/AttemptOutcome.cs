using System;
using System.Text.Json;

namespace SendPilot.Client.Http
{
    /// <summary>What one attempt of a request came to.</summary>
    internal sealed class AttemptOutcome
    {
        public int StatusCode { get; private set; }
        public JsonElement Body { get; private set; }
        public SendPilotApiException? Failure { get; private set; }

        /// <summary>Worth trying again, if the request may be repeated.</summary>
        public bool Transient { get; private set; }

        /// <summary>The server may have acted on the request (timeout, 5xx, connection dropped after sending).</summary>
        public bool OutcomeUnknown { get; private set; }

        public TimeSpan? RetryAfter => Failure?.RetryAfter;

        public static AttemptOutcome Success(int status, JsonElement body) =>
            new AttemptOutcome { StatusCode = status, Body = body };

        public static AttemptOutcome Failed(SendPilotApiException failure, bool transient, bool outcomeUnknown) =>
            new AttemptOutcome { Failure = failure, StatusCode = failure.StatusCode ?? 0, Transient = transient, OutcomeUnknown = outcomeUnknown };
    }
}
