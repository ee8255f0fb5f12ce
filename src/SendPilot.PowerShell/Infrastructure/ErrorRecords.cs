using System;
using System.Management.Automation;
using SendPilot.Client;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>
    /// Owns the text of every error record the module writes. ErrorDetails.Message is one sentence a user can act on:
    /// what failed, what the API answered and what to do. The API's JSON body stays on the exception (ResponseBody).
    /// Callers pass their detail and recommended action in; nobody edits ErrorDetails afterwards.
    /// </summary>
    internal static class ErrorRecords
    {
        /// <param name="exception">The client's failure; it stays the record's exception, with the API's JSON in ResponseBody.</param>
        /// <param name="target">The input the failure is about (a row, an id).</param>
        /// <param name="errorId">A stable id such as SendPilot.CampaignNotFound; default: one per kind of failure.</param>
        /// <param name="detail">What failed in the user's terms (e.g. "Campaign camp_x could not be read"); default: the request.</param>
        /// <param name="action">What to do; default: the advice for the kind of failure.</param>
        public static ErrorRecord FromApi(SendPilotApiException exception, object? target, string? errorId = null,
            string? detail = null, string? action = null)
        {
            action ??= DefaultAction(exception);
            return WithText(new ErrorRecord(exception, errorId ?? DefaultId(exception.Kind), CategoryOf(exception), target),
                Sentence(exception, detail, action));
        }

        /// <summary>A local failure (a bad row, a bad parameter): no request is involved.</summary>
        public static ErrorRecord Invalid(string message, string errorId, object? target, string? action = null) =>
            WithText(new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target), Join(message, action));

        /// <summary>Any other failure whose exception the caller chose; the message and action are the caller's.</summary>
        public static ErrorRecord Local(Exception exception, string errorId, ErrorCategory category, object? target, string? action = null) =>
            WithText(new ErrorRecord(exception, errorId, category, target), Join(exception.Message, action));

        /// <summary>A failure whose sentence the caller words (it knows the row, recipient or file); the action ends it.</summary>
        public static ErrorRecord Described(Exception exception, string errorId, ErrorCategory category, object? target, string message, string? action = null) =>
            WithText(new ErrorRecord(exception, errorId, category, target), Join(message, action));

        /// <summary>No key anywhere: a local error of its own kind (no request was made), whose message already says what to do.</summary>
        public static ErrorRecord NoApiKey()
        {
            var exception = new SendPilotNotConnectedException();
            return WithText(new ErrorRecord(exception, "SendPilot.NoApiKey", ErrorCategory.AuthenticationError, null),
                exception.Message);
        }

        public static ErrorCategory CategoryOf(SendPilotApiException exception)
        {
            switch (exception.Kind)
            {
                case ApiErrorKind.InvalidRequest: return ErrorCategory.InvalidArgument;
                case ApiErrorKind.Authentication: return ErrorCategory.AuthenticationError;
                case ApiErrorKind.PermissionDenied: return ErrorCategory.PermissionDenied;
                case ApiErrorKind.NotFound: return ErrorCategory.ObjectNotFound;
                case ApiErrorKind.RateLimited:
                case ApiErrorKind.DailyLimitReached: return ErrorCategory.LimitsExceeded;
                case ApiErrorKind.Network: return ErrorCategory.ConnectionError;
                case ApiErrorKind.Timeout: return ErrorCategory.OperationTimeout;
                case ApiErrorKind.ProxyAuthenticationRequired: return ErrorCategory.AuthenticationError;
                case ApiErrorKind.Redirect: return ErrorCategory.SecurityError;
                default: return ErrorCategory.ResourceUnavailable;
            }
        }

        /// <summary>"&lt;what&gt; (&lt;METHOD path&gt;): the API answered &lt;status&gt; &lt;error&gt;, "&lt;message&gt;". &lt;action&gt;"</summary>
        internal static string Sentence(SendPilotApiException exception, string? detail, string? action)
        {
            string request = $"{exception.Method} {exception.RequestPath}".Trim();
            string what = detail == null ? (request.Length == 0 ? "The request failed" : request + " failed")
                        : request.Length == 0 ? detail : $"{detail} ({request})";
            return Join($"{what}: {Answer(exception)}", action);
        }

        private static string Answer(SendPilotApiException exception)
        {
            if (exception.StatusCode is not int status)
                return exception.Kind == ApiErrorKind.DeliveryUnknown && exception.InnerException is SendPilotApiException cause
                    ? Lower(cause.Message) : Lower(exception.Message);
            string answered = $"the API answered {status}{(exception.ApiError == null ? "" : " " + exception.ApiError)}";
            string? message = exception.ApiMessage;
            return message == null || message == exception.ApiError ? answered : $"{answered}, \"{message.TrimEnd('.')}\"";
        }

        // The action is already the message's last part; pwsh's console would print RecommendedAction a second time.
        private static ErrorRecord WithText(ErrorRecord record, string message)
        {
            record.ErrorDetails = new ErrorDetails(message);
            return record;
        }

        /// <summary>Two parts as one line, each ending with a full stop.</summary>
        private static string Join(string message, string? action)
        {
            string text = Stop(message.Trim());
            return string.IsNullOrWhiteSpace(action) ? text : text + " " + Stop(action!.Trim());
        }

        private static string Stop(string text) => text.Length == 0 || ".!?".IndexOf(text[text.Length - 1]) >= 0 ? text : text + ".";

        private static string Lower(string text) => text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1])
            ? char.ToLowerInvariant(text[0]) + text.Substring(1) : text;

        internal static string DefaultId(ApiErrorKind kind) => "SendPilot." + kind switch
        {
            ApiErrorKind.InvalidRequest => "InvalidRequest",
            ApiErrorKind.Authentication => "AuthenticationFailed",
            ApiErrorKind.PermissionDenied => "PermissionDenied",
            ApiErrorKind.NotFound => "NotFound",
            ApiErrorKind.RateLimited => "RateLimited",
            ApiErrorKind.DailyLimitReached => "DailyLimitReached",
            ApiErrorKind.Network => "NetworkError",
            ApiErrorKind.Timeout => "Timeout",
            ApiErrorKind.DeliveryUnknown => "DeliveryUnknown",
            ApiErrorKind.ProxyAuthenticationRequired => "ProxyAuthenticationRequired",
            ApiErrorKind.Redirect => "RedirectRefused",
            _ => "ServerError",
        };

        private static string DefaultAction(SendPilotApiException exception) => exception.Kind switch
        {
            ApiErrorKind.InvalidRequest => "Correct what the API's message names and try again.",
            ApiErrorKind.Authentication => "Check the key: Connect-SpAccount -ApiKey <key>, or set $env:SENDPILOT_API_KEY.",
            ApiErrorKind.PermissionDenied => "Give the API key the scope named in the message (SendPilot → Integrations → API Keys), then connect again.",
            ApiErrorKind.NotFound => "Check the id: Get-SpCampaign, Get-SpLead and Get-SpSender list what exists.",
            ApiErrorKind.RateLimited => "The API's rate limit was reached; try again later or with fewer parallel requests.",
            ApiErrorKind.DailyLimitReached => "The sender's LinkedIn daily limit is spent; it resets tomorrow. Use another sender (-SenderId).",
            ApiErrorKind.DeliveryUnknown => "It may have gone out. Check the conversation (Get-SpConversation | Get-SpMessage) before sending again.",
            ApiErrorKind.Network => "Check the network and the base URI (Get-SpContext).",
            ApiErrorKind.Timeout => "Try again, or raise Connect-SpAccount -TimeoutSec.",
            ApiErrorKind.ProxyAuthenticationRequired => "Give the proxy's credentials: Connect-SpAccount -Proxy <uri> -ProxyCredential (Get-Credential), or -ProxyUseDefaultCredentials for your Windows sign-in.",
            ApiErrorKind.Redirect => "Check the base URI (Get-SpContext): connect with Connect-SpAccount -BaseUri set to the address the API answers on directly.",
            _ => "SendPilot could not answer; try again in a few minutes.",
        };
    }
}
