using System;
using System.Text.Json;

namespace SendPilot.Client.Http
{
    /// <summary>A successful answer.</summary>
    public sealed class ApiResponse
    {
        internal ApiResponse(int statusCode, JsonElement body, int attempts, int uncertainAttempts, TimeSpan elapsed)
        {
            StatusCode = statusCode;
            Body = body;
            Attempts = attempts;
            UncertainAttempts = uncertainAttempts;
            Elapsed = elapsed;
        }

        public int StatusCode { get; }

        /// <summary>The parsed JSON answer (an undefined element for an empty body).</summary>
        public JsonElement Body { get; }

        public int Attempts { get; }

        /// <summary>Earlier attempts whose outcome is unknown (timeout, 5xx, dropped): the server may have acted on them.</summary>
        public int UncertainAttempts { get; }

        public TimeSpan Elapsed { get; }
    }
}
