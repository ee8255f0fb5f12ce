namespace SendPilot.Sandbox;

/// <summary>
/// Makes matching API requests misbehave. Rules that only delay are applied on every match; of the
/// rules that answer (Status or Drop) only the first matching one is used and counted.
/// </summary>
public sealed class FaultRule
{
    /// <summary>HTTP method to match; null matches any.</summary>
    public string? Method { get; set; }

    /// <summary>Glob over the path after the version prefix, e.g. "/leads", "/campaigns/*", "/inbox/send*".</summary>
    public string Path { get; set; } = "*";

    /// <summary>How many matching requests the rule hits; 0 = unlimited.</summary>
    public int Count { get; set; } = 1;

    /// <summary>Respond with this status and the API's JSON error body.</summary>
    public int? Status { get; set; }

    /// <summary>Retry-After header value as given (seconds or HTTP-date).</summary>
    public string? RetryAfter { get; set; }

    public string? Message { get; set; }

    /// <summary>
    /// Answer with this body, written exactly as given, instead of the error body (with Status, e.g. a 201 saying
    /// success: false, or a 200 that is empty, "null" or HTML).
    /// </summary>
    public string? Body { get; set; }

    /// <summary>A Location header for the answer (with a 3xx Status: a redirect, e.g. to another loopback sandbox).</summary>
    public string? Location { get; set; }

    /// <summary>Wait this long before handling.</summary>
    public int DelayMs { get; set; }

    /// <summary>Abort the TCP connection with no response.</summary>
    public bool Drop { get; set; }

    /// <summary>Run the real handler first (state changes happen), then apply Status/Drop instead of its response.</summary>
    public bool ProcessFirst { get; set; }

    internal bool Answers => Status is not null || Drop;

    public override string ToString()
    {
        var parts = new List<string> { $"{Method ?? "*"} {Path}" };
        if (DelayMs > 0) parts.Add($"delay {DelayMs} ms");
        if (ProcessFirst) parts.Add("after processing");
        if (Drop) parts.Add("drop");
        else if (Status is int status) parts.Add($"status {status}");
        if (RetryAfter is not null) parts.Add($"Retry-After {RetryAfter}");
        if (Location is not null) parts.Add($"Location {Location}");
        return string.Join(", ", parts);
    }
}
