using System;
using System.Text.Json.Serialization;

namespace SendPilot.Client.Models
{
    /// <summary>
    /// A lead-database search or lead-extractor job. Status is normalised to lower case and one vocabulary:
    /// pending, processing, completed or failed (the extractor's RUNNING is processing, FINISHED is completed).
    /// </summary>
    public abstract class LeadSourcingJob : ApiObject
    {
        public const string Pending = "pending";
        public const string Processing = "processing";
        public const string Completed = "completed";
        public const string Failed = "failed";

        private string? _status;

        public string Id { get; set; } = "";

        public string? Name { get; set; }

        public string? Status
        {
            get => _status;
            set => _status = Normalise(value);
        }

        public LeadSearchProgress? Progress { get; set; }

        /// <summary>People found once the job completed, when the API says.</summary>
        [JsonPropertyName("totalResults")]
        public long? TotalResults { get; set; }

        [JsonPropertyName("created_at")]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonPropertyName("completed_at")]
        public DateTimeOffset? CompletedAt { get; set; }

        [JsonPropertyName("error_message")]
        public string? ErrorMessage { get; set; }

        [JsonIgnore]
        public bool IsCompleted => Status == Completed;

        [JsonIgnore]
        public bool IsFinished => Status == Completed || Status == Failed;

        /// <summary>"processing, 40 %" — the status with the percentage when there is one.</summary>
        public string Describe() =>
            Progress?.Percent is int percent && !IsCompleted ? $"{Status} ({percent} %)" : Status ?? "unknown";

        public override string ToString() => Name ?? Id;

        /// <summary>Keeps what only the start answer carried (the credit estimate) on a later status of the same job.</summary>
        public virtual void KeepStartFacts(LeadSourcingJob started) { }

        private static string? Normalise(string? status)
        {
            string? lower = status?.Trim().ToLowerInvariant();
            switch (lower)
            {
                case "running": return Processing;
                case "finished": return Completed;
                default: return lower;
            }
        }
    }

    /// <summary>A search of the lead database (<c>POST /lead-database/searches</c>, <c>…/status</c>).</summary>
    public sealed class LeadSearchJob : LeadSourcingJob
    {
        /// <summary>Credits the search is expected to use (in the answer that started it).</summary>
        [JsonPropertyName("estimated_quota")]
        public long? EstimatedQuota { get; set; }

        public override void KeepStartFacts(LeadSourcingJob started) => EstimatedQuota ??= (started as LeadSearchJob)?.EstimatedQuota;
    }
}
