using System;
using System.Collections.Generic;

namespace SendPilot.Client.LeadSourcing
{
    /// <summary>What <c>POST /lead-database/searches</c> needs. Filters pass through unchanged (job_titles, locations, …).</summary>
    public sealed class LeadSearchRequest
    {
        public string Name { get; set; } = "";
        public int Limit { get; set; }
        public IDictionary<string, object?> Filters { get; set; } = new Dictionary<string, object?>();
        public Uri? WebhookUrl { get; set; }
    }

    /// <summary>What <c>POST /lead-extractor/campaigns</c> needs.</summary>
    public sealed class LeadExtractionRequest
    {
        public string Name { get; set; } = "";

        /// <summary>linkedin_search or sales_navigator.</summary>
        public string UrlType { get; set; } = "";

        public IReadOnlyList<string> Urls { get; set; } = Array.Empty<string>();

        /// <summary>extraction_only or with_enrichment.</summary>
        public string Mode { get; set; } = "";

        public int Limit { get; set; }
        public Uri? WebhookUrl { get; set; }
    }

    /// <summary>Which results to read: skip the first <see cref="Skip"/>, then at most <see cref="First"/> (all when null).</summary>
    public sealed class LeadResultWindow
    {
        public long Skip { get; set; }
        public long? First { get; set; }

        public static LeadResultWindow All => new LeadResultWindow();
    }

    /// <summary>
    /// The API serves offsets up to 10,000 only, so a list longer than that cannot be read to its end. Thrown, in
    /// order, for the first page out of reach: everything before it has been read.
    /// </summary>
    public sealed class OffsetCeilingException : Exception
    {
        public const long MaxOffset = 10_000;

        public OffsetCeilingException(string what, long offset)
            : base($"The results of {what} beyond offset {MaxOffset:N0} cannot be read: the API serves offsets up to {MaxOffset:N0} only, so the results from offset {offset:N0} on were not read.")
        {
            What = what;
            Offset = offset;
        }

        public string What { get; }

        /// <summary>The first offset that was not read.</summary>
        public long Offset { get; }
    }
}
