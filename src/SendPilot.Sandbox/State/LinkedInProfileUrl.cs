namespace SendPilot.Sandbox;

/// <summary>A linkedin.com/in/&lt;slug&gt; profile URL. Normalized form is the duplicate-detection key.</summary>
public sealed record LinkedInProfileUrl(string Slug)
{
    public string Normalized => $"https://www.linkedin.com/in/{Slug.ToLowerInvariant()}";

    /// <summary>The internal "ACoAA…" member-id form, which messaging endpoints reject.</summary>
    public bool IsInternalId => Slug.StartsWith("ACoA", StringComparison.Ordinal);

    public static LinkedInProfileUrl? TryParse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = raw.Trim();
        if (!text.Contains("://", StringComparison.Ordinal)) text = "https://" + text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme is not ("http" or "https") || !IsLinkedInHost(uri.Host)) return null;

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length != 2 || !segments[0].Equals("in", StringComparison.OrdinalIgnoreCase)) return null;
        var slug = Uri.UnescapeDataString(segments[1]);
        return string.IsNullOrWhiteSpace(slug) ? null : new LinkedInProfileUrl(slug);
    }

    private static bool IsLinkedInHost(string host) =>
        host.Equals("linkedin.com", StringComparison.OrdinalIgnoreCase) ||
        host.EndsWith(".linkedin.com", StringComparison.OrdinalIgnoreCase);
}
