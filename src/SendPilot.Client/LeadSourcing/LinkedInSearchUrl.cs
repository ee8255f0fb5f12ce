using System;

namespace SendPilot.Client.LeadSourcing
{
    /// <summary>The search URLs the lead extractor reads: https LinkedIn people searches, or Sales Navigator searches and lists.</summary>
    public static class LinkedInSearchUrl
    {
        public const string LinkedinSearch = "linkedin_search";
        public const string SalesNavigator = "sales_navigator";

        /// <summary>True when <paramref name="url"/> is an https LinkedIn URL of the given type; otherwise a reason, as a sentence.</summary>
        public static bool IsValid(string? url, string urlType, out string? reason)
        {
            reason = null;
            if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out Uri? uri) || uri.Scheme != Uri.UriSchemeHttps)
                reason = $"'{url}' is not an https URL.";
            else if (!(uri.Host.Equals("linkedin.com", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".linkedin.com", StringComparison.OrdinalIgnoreCase)))
                reason = $"'{url}' is not a LinkedIn URL.";
            else if (urlType == SalesNavigator && !uri.AbsolutePath.StartsWith("/sales/", StringComparison.OrdinalIgnoreCase))
                reason = $"'{url}' is not a Sales Navigator search (https://www.linkedin.com/sales/search/people?…).";
            else if (urlType == LinkedinSearch && !uri.AbsolutePath.StartsWith("/search/results/", StringComparison.OrdinalIgnoreCase))
                reason = $"'{url}' is not a LinkedIn search (https://www.linkedin.com/search/results/people/?…).";
            return reason == null;
        }
    }
}
