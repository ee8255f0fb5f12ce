namespace SendPilot.Sandbox;

/// <summary>One API call as the sandbox saw it. Path is after the version prefix, e.g. "/leads".</summary>
public sealed record RecordedRequest(
    long Sequence,
    DateTimeOffset Time,
    string Method,
    string Path,
    string RawPath,
    string Query,
    int Status,
    string? Body,
    string? UserAgent,
    bool HadApiKey,
    string? Fault);
