using System;

namespace SendPilot.Client.Leads
{
    /// <summary>
    /// Validates and normalises a LinkedIn profile URL: trimmed, https, www.linkedin.com, /in/&lt;slug&gt;,
    /// no query, fragment or trailing slash. Sales Navigator links and the internal ACoAA… member ids are
    /// refused with a reason that says so.
    /// </summary>
    public static class LinkedInProfileUrl
    {
        public const string Expected = "a LinkedIn profile URL like https://www.linkedin.com/in/<slug>";

        /// <summary>Normalises <paramref name="raw"/>; on failure <paramref name="reason"/> explains why.</summary>
        /// <param name="raw">The URL as given.</param>
        /// <param name="normalized">The form sent to the API.</param>
        /// <param name="key">Lower-case form used to detect duplicates.</param>
        /// <param name="reason">Why the URL cannot be used.</param>
        public static bool TryNormalize(string raw, out string normalized, out string key, out string? reason)
        {
            normalized = key = "";
            string text = raw.Trim();
            if (IsMemberId(text) || text.StartsWith("urn:li:", StringComparison.OrdinalIgnoreCase))
            {
                reason = $"'{text}' is a LinkedIn internal member id (ACoAA…/URN), not a profile URL; use {Expected}.";
                return false;
            }
            string withScheme = text.IndexOf("://", StringComparison.Ordinal) < 0 ? "https://" + text : text;
            if (!Uri.TryCreate(withScheme, UriKind.Absolute, out Uri? uri) ||
                (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || !IsLinkedInHost(uri.Host))
            {
                reason = $"'{text}' is not {Expected}.";
                return false;
            }
            string[] segments = uri.AbsolutePath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            if (uri.Host.StartsWith("sales.", StringComparison.OrdinalIgnoreCase) ||
                (segments.Length > 0 && segments[0].Equals("sales", StringComparison.OrdinalIgnoreCase)))
            {
                reason = $"'{text}' is a Sales Navigator link; SendPilot needs the person's public profile URL ({Expected}).";
                return false;
            }
            if (segments.Length < 2 || !segments[0].Equals("in", StringComparison.OrdinalIgnoreCase))
            {
                reason = $"'{text}' is not {Expected}.";
                return false;
            }
            string slug = segments[1];
            if (IsMemberId(Uri.UnescapeDataString(slug)))
            {
                reason = $"'{text}' uses LinkedIn's internal member id (ACoAA…) instead of the public profile name; use {Expected}.";
                return false;
            }
            normalized = "https://www.linkedin.com/in/" + slug;
            key = "https://www.linkedin.com/in/" + Uri.UnescapeDataString(slug).ToLowerInvariant();
            reason = null;
            return true;
        }

        private static bool IsMemberId(string text) =>
            text.StartsWith("ACoAA", StringComparison.Ordinal) || text.StartsWith("ACwAA", StringComparison.Ordinal);

        private static bool IsLinkedInHost(string host) =>
            host.Equals("linkedin.com", StringComparison.OrdinalIgnoreCase) ||
            host.EndsWith(".linkedin.com", StringComparison.OrdinalIgnoreCase);
    }
}
