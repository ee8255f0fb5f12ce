using System;
using System.Collections.Generic;
using System.Linq;

namespace SendPilot.Client
{
    /// <summary>
    /// The one exception the client throws for API and transport failures. It names the request by
    /// method and path only — never the key.
    /// </summary>
    public sealed class SendPilotApiException : Exception
    {
        public SendPilotApiException(ApiErrorKind kind, string message, string method, string path,
            int? statusCode = null, IReadOnlyList<string>? apiMessages = null, string? apiError = null,
            string? apiCode = null, TimeSpan? retryAfter = null, string? responseBody = null,
            int attempts = 1, Exception? inner = null)
            : base(message, inner)
        {
            Kind = kind;
            Method = method;
            RequestPath = path;
            StatusCode = statusCode;
            ApiMessages = apiMessages ?? Array.Empty<string>();
            ApiError = apiError;
            ApiCode = apiCode;
            RetryAfter = retryAfter;
            ResponseBody = responseBody;
            Attempts = attempts;
        }

        public ApiErrorKind Kind { get; }
        public int? StatusCode { get; }

        /// <summary>The API's <c>message</c> (a validation error may carry several).</summary>
        public IReadOnlyList<string> ApiMessages { get; }

        public string? ApiMessage => ApiMessages.Count == 0 ? null : string.Join("; ", ApiMessages);

        /// <summary>The API's <c>error</c>, e.g. "Bad Request".</summary>
        public string? ApiError { get; }

        public string? ApiCode { get; }
        public string Method { get; }
        public string RequestPath { get; }
        public TimeSpan? RetryAfter { get; }

        /// <summary>The raw JSON error body (redacted), for ErrorDetails.</summary>
        public string? ResponseBody { get; }

        public int Attempts { get; }

        /// <summary>For <see cref="ApiErrorKind.Redirect"/>: where the answer pointed (user-info and query removed, key masked).</summary>
        public string? RedirectLocation { get; internal set; }

        public bool IsDailyLimit => Kind == ApiErrorKind.DailyLimitReached;

        internal static bool LooksLikeDailyLimit(IEnumerable<string> messages) =>
            messages.Any(m => m.IndexOf("daily", StringComparison.OrdinalIgnoreCase) >= 0
                           && m.IndexOf("limit", StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
