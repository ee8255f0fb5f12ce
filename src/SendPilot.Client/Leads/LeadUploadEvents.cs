using System;
using System.Collections.Generic;

namespace SendPilot.Client.Leads
{
    public enum LeadProblemKind
    {
        /// <summary>Refused before sending (bad URL, nested field, no campaign) or by the API's errors[].</summary>
        Rejected,

        /// <summary>Repeats a URL given earlier in this upload for the same campaign; not sent.</summary>
        Duplicate,

        /// <summary>Its batch failed after retries.</summary>
        Failed,

        /// <summary>Never sent: the upload stopped (401/403/unknown campaign, Ctrl+C) or the batch was declined.</summary>
        NotSent,
    }

    /// <summary>What went wrong with one input row; <see cref="Source"/> is the row as it was given.</summary>
    public sealed class LeadRowProblem
    {
        public LeadRowProblem(LeadProblemKind kind, string campaignId, long rowNumber, object? source, string? linkedinUrl,
            string reason, SendPilotApiException? apiError = null)
        {
            Kind = kind;
            CampaignId = campaignId;
            RowNumber = rowNumber;
            Source = source;
            LinkedinUrl = linkedinUrl;
            Reason = reason;
            ApiError = apiError;
        }

        public LeadProblemKind Kind { get; }
        public string CampaignId { get; }

        /// <summary>1-based position of the row in the upload's input.</summary>
        public long RowNumber { get; }

        public object? Source { get; }
        public string? LinkedinUrl { get; }
        public string Reason { get; }
        public SendPilotApiException? ApiError { get; }
    }

    /// <summary>A batch about to be sent, for -WhatIf / -Confirm.</summary>
    public sealed class LeadBatchPreview
    {
        internal LeadBatchPreview(string campaignId, int number, long firstRow, long lastRow, IReadOnlyList<string> urls)
        {
            CampaignId = campaignId;
            Number = number;
            FirstRow = firstRow;
            LastRow = lastRow;
            Urls = urls;
        }

        public string CampaignId { get; }

        /// <summary>1-based batch number within the campaign.</summary>
        public int Number { get; }

        public long FirstRow { get; }
        public long LastRow { get; }
        public IReadOnlyList<string> Urls { get; }
        public int Count => Urls.Count;
    }

    public enum BatchDecision
    {
        Send,

        /// <summary>-WhatIf: count the rows as previewed, report nothing for them.</summary>
        Preview,

        /// <summary>-Confirm answered no: the rows are reported as not sent.</summary>
        Decline,
    }

    /// <summary>Counts so far, for progress.</summary>
    public sealed class LeadUploadProgress
    {
        public long RowsReceived { get; internal set; }
        public long RowsDone { get; internal set; }
        public int BatchesSent { get; internal set; }
        public int BatchesDone { get; internal set; }
    }

    /// <summary>
    /// Receives what an upload reports. <see cref="RowProblem"/> and <see cref="BatchDone"/> may be called
    /// from any thread; <see cref="Decide"/> only from the thread that calls Add/Complete.
    /// </summary>
    public interface ILeadUploadListener
    {
        void RowProblem(LeadRowProblem problem);
        void BatchDone(LeadUploadProgress progress);
        BatchDecision Decide(LeadBatchPreview batch);
    }

    /// <summary>The upload's end: one summary per campaign, and the failure that stopped it, if any.</summary>
    public sealed class LeadUploadResult
    {
        internal LeadUploadResult(IReadOnlyList<Models.LeadUploadSummary> summaries, SendPilotApiException? stoppedBy, long notSent)
        {
            Summaries = summaries;
            StoppedBy = stoppedBy;
            NotSent = notSent;
        }

        public IReadOnlyList<Models.LeadUploadSummary> Summaries { get; }

        /// <summary>The 401/403/unknown-campaign failure that stopped the upload, or null.</summary>
        public SendPilotApiException? StoppedBy { get; }

        /// <summary>Rows reported as not sent (counted in Failed).</summary>
        public long NotSent { get; }
    }
}
