using System;
using System.Runtime.CompilerServices;

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
        [MethodImpl(HotPath.Optimized)]
        public static bool TryNormalize(string raw, out string normalized, out string key, out string? reason)
        {
            normalized = key = "";
            string text = raw.Trim();
            if (IsCanonical(text))
            {
                normalized = text;
                key = LowerAscii(text);
                reason = null;
                return true;
            }
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

        private const string CanonicalPrefix = "https://www.linkedin.com/in/";

        /// <summary>
        /// Already in the form sent (most CSV exports are): https://www.linkedin.com/in/ and a plain slug of letters, digits,
        /// '-' and '_'. Such a URL normalises to itself, so the parsing below is skipped, and most of all its allocations.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool IsCanonical(string text)
        {
            if (text.Length <= CanonicalPrefix.Length || !text.StartsWith(CanonicalPrefix, StringComparison.Ordinal)) return false;
            for (int i = CanonicalPrefix.Length; i < text.Length; i++)
            {
                char c = text[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
            }
            return string.CompareOrdinal(text, CanonicalPrefix.Length, "ACoAA", 0, 5) != 0 && string.CompareOrdinal(text, CanonicalPrefix.Length, "ACwAA", 0, 5) != 0;
        }

        /// <summary>The duplicate key of a canonical URL: the text itself unless the slug has capitals.</summary>
        [MethodImpl(HotPath.Optimized)]
        private static string LowerAscii(string text)
        {
            foreach (char c in text)
                if (c >= 'A' && c <= 'Z') return text.ToLowerInvariant();
            return text;
        }

        private static bool IsMemberId(string text) =>
            text.StartsWith("ACoAA", StringComparison.Ordinal) || text.StartsWith("ACwAA", StringComparison.Ordinal);

        private static bool IsLinkedInHost(string host) =>
            host.Equals("linkedin.com", StringComparison.OrdinalIgnoreCase) ||
            host.EndsWith(".linkedin.com", StringComparison.OrdinalIgnoreCase);
    }
}
