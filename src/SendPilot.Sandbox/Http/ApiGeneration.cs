namespace SendPilot.Sandbox.Http;

/// <summary>Which doc generation a request speaks: /v1 (current) or /api/v1 (old pages).</summary>
internal enum ApiGeneration
{
    None,
    Current,
    Legacy,
}

internal static class ApiPrefix
{
    public const string Current = "/v1";
    public const string Legacy = "/api/v1";

    /// <summary>Splits "/api/v1/leads" into (Legacy, "/leads").</summary>
    public static (ApiGeneration Generation, string Path) Split(string rawPath)
    {
        if (TryStrip(rawPath, Legacy, out var rest)) return (ApiGeneration.Legacy, rest);
        if (TryStrip(rawPath, Current, out rest)) return (ApiGeneration.Current, rest);
        return (ApiGeneration.None, rawPath);
    }

    private static bool TryStrip(string path, string prefix, out string rest)
    {
        rest = path;
        if (!path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return false;
        if (path.Length > prefix.Length && path[prefix.Length] != '/') return false;
        rest = path.Length == prefix.Length ? "/" : path[prefix.Length..];
        return true;
    }
}
