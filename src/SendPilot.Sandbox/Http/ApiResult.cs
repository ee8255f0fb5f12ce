namespace SendPilot.Sandbox.Http;

/// <summary>What a handler answers. Handlers return results instead of writing, so a fault can replace them.</summary>
internal sealed record ApiResult(int Status, object? Body, string? RetryAfter = null)
{
    public string? Location { get; init; }

    /// <summary>Written exactly as given (empty, "null", HTML…) instead of serializing <see cref="Body"/>.</summary>
    public string? RawBody { get; init; }

    public static ApiResult Ok(object body) => new(200, body);

    public static ApiResult Created(object body) => new(201, body);

    public static ApiResult Error(int status, object message, string? retryAfter = null) =>
        new(status, new ApiError(status, message, ReasonPhrase(status)), retryAfter);

    public static ApiResult BadRequest(object message) => Error(400, message);

    public static ApiResult NotFound(string message) => Error(404, message);

    /// <summary>A single message stays a string; several become the NestJS-style string array.</summary>
    public static ApiResult Invalid(IReadOnlyList<string> problems) =>
        BadRequest(problems.Count == 1 ? problems[0] : problems.ToArray());

    public static string ReasonPhrase(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        409 => "Conflict",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
    };

    public static string DefaultMessage(int status) => status switch
    {
        401 => "Invalid or missing API key",
        429 => "Too many requests, please retry later",
        500 => "Internal server error",
        _ => ReasonPhrase(status),
    };
}

/// <summary>The API's error body: {"statusCode":400,"message":"…","error":"Bad Request"}.</summary>
internal sealed record ApiError(int StatusCode, object Message, string Error);
