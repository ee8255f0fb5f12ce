namespace SendPilot.Client
{
    /// <summary>What went wrong, in the terms a caller acts on.</summary>
    public enum ApiErrorKind
    {
        InvalidRequest,      // 400
        Authentication,      // 401, or no key at all
        PermissionDenied,    // 403
        NotFound,            // 404
        RateLimited,         // 429 from the API's own limiter
        DailyLimitReached,   // 429 "Daily … limit exceeded": a sender's LinkedIn quota, waiting will not help
        ServerError,         // 5xx, 408, other unexpected statuses
        Network,             // no HTTP answer
        Timeout,             // no answer in time
        DeliveryUnknown,     // a send/connect may have reached the server; it is not repeated
        ProxyAuthenticationRequired, // 407: the proxy on the way wants (other) credentials
        Redirect,            // a 3xx that was not followed (another origin, a downgrade, a write, too many hops); nothing was repeated
    }
}
