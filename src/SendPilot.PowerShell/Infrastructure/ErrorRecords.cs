using System;
using System.Management.Automation;
using SendPilot.Client;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>Maps client failures to PowerShell error records with stable ids and categories.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord FromApi(SendPilotApiException exception, object? target, string? errorId = null)
        {
            // As with Invoke-RestMethod, ErrorDetails carries the API's JSON error as it came.
            return new ErrorRecord(exception, errorId ?? DefaultId(exception.Kind), CategoryOf(exception), target)
            {
                ErrorDetails = new ErrorDetails(exception.ResponseBody ?? exception.Message)
                {
                    RecommendedAction = RecommendedAction(exception),
                },
            };
        }

        public static ErrorRecord NoApiKey() => new ErrorRecord(
            new SendPilotApiException(ApiErrorKind.Authentication,
                "No SendPilot API key: run Connect-SpAccount -ApiKey <key> (or -ProfileName <saved profile>), or for automation set $env:SENDPILOT_API_KEY (and optionally $env:SENDPILOT_BASE_URI) or $env:SENDPILOT_PROFILE.",
                "", ""),
            "SendPilot.NoApiKey", ErrorCategory.AuthenticationError, null);

        public static ErrorRecord Invalid(string message, string errorId, object? target) =>
            new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);

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
                case ApiErrorKind.DeliveryUnknown:
                    return exception.StatusCode is int s && s >= 500 ? ErrorCategory.ResourceUnavailable
                         : exception.StatusCode == null && exception.InnerException is SendPilotApiException { Kind: ApiErrorKind.Network } ? ErrorCategory.ConnectionError
                         : ErrorCategory.OperationTimeout;
                default: return ErrorCategory.ResourceUnavailable;
            }
        }

        private static string DefaultId(ApiErrorKind kind) => "SendPilot." + kind switch
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

        private static string? RecommendedAction(SendPilotApiException exception) => exception.Kind switch
        {
            ApiErrorKind.Authentication => "Check the key: Connect-SpAccount -ApiKey <key>, or set $env:SENDPILOT_API_KEY.",
            ApiErrorKind.PermissionDenied => "Give the API key the scope named in the message (SendPilot → Integrations → API Keys), then connect again.",
            ApiErrorKind.RateLimited => "The API's rate limit was reached; try again later or with fewer parallel requests.",
            ApiErrorKind.DailyLimitReached => "The sender's LinkedIn daily limit is spent; it resets tomorrow. Use another sender (-SenderId).",
            ApiErrorKind.DeliveryUnknown => "It may have gone out. Check the conversation (Get-SpConversation | Get-SpMessage) before sending again.",
            ApiErrorKind.Network => "Check the network and the base URI (Get-SpContext).",
            ApiErrorKind.Timeout => "Try again, or raise Connect-SpAccount -TimeoutSec.",
            ApiErrorKind.ProxyAuthenticationRequired => "Give the proxy's credentials: Connect-SpAccount -Proxy <uri> -ProxyCredential (Get-Credential), or -ProxyUseDefaultCredentials for your Windows sign-in.",
            ApiErrorKind.Redirect => "Check the base URI (Get-SpContext): connect with Connect-SpAccount -BaseUri set to the address the API answers on directly.",
            _ => null,
        };
    }
}
