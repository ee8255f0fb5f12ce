using System.Collections.Concurrent;

namespace SendPilot.Sandbox;

/// <summary>
/// Who is a 1st-degree connection of the senders: everyone, except profiles whose slug starts with
/// "stranger". The admin API can override single URLs either way.
/// </summary>
public sealed class ConnectionGraph
{
    private readonly ConcurrentDictionary<string, bool> _overrides = new(StringComparer.Ordinal);

    public bool IsConnected(LinkedInProfileUrl url) =>
        _overrides.TryGetValue(url.Normalized, out var connected)
            ? connected
            : !url.Slug.StartsWith("stranger", StringComparison.OrdinalIgnoreCase);

    public bool IsConnected(string linkedinUrl) =>
        LinkedInProfileUrl.TryParse(linkedinUrl) is { } url && IsConnected(url);

    internal void Override(LinkedInProfileUrl url, bool connected) => _overrides[url.Normalized] = connected;
}
