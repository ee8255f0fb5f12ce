using System;

namespace SendPilot.Client.Models
{
    /// <summary>
    /// What became of every row given for one campaign. Always
    /// <c>Submitted = Added + DuplicatesSkipped + Invalid + Failed</c>.
    /// </summary>
    public sealed class LeadUploadSummary
    {
        public string CampaignId { get; set; } = "";

        /// <summary>Rows given for this campaign.</summary>
        public long Submitted { get; set; }

        /// <summary>Leads the API added.</summary>
        public long Added { get; set; }

        /// <summary>Rows repeating a URL earlier in this upload, plus leads the API already had.</summary>
        public long DuplicatesSkipped { get; set; }

        /// <summary>Rows rejected before sending or by the API (each has an error record).</summary>
        public long Invalid { get; set; }

        /// <summary>Rows whose batch failed or was never sent (each has an error record).</summary>
        public long Failed { get; set; }

        /// <summary>Requests sent (a retried request counts once).</summary>
        public int Batches { get; set; }

        /// <summary>Batches retried after an attempt whose outcome is unknown (timeout, 5xx, dropped connection).</summary>
        public int UncertainBatches { get; set; }

        internal TimeSpan Elapsed { get; set; }

        /// <summary>How long the upload took, in seconds (a number, so it exports and sorts as one).</summary>
        public double ElapsedSeconds => Math.Round(Elapsed.TotalSeconds, 1);

        /// <summary>Set when the counts need a caveat, e.g. after retries of attempts with an unknown outcome.</summary>
        public string? Note { get; set; }

        public override string ToString() =>
            $"{CampaignId}: {Submitted} submitted, {Added} added, {DuplicatesSkipped} duplicates, {Invalid} invalid, {Failed} failed";
    }
}
