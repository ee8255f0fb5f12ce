using System.Text.Json.Serialization;

namespace SendPilot.Client.Models
{
    /// <summary>A lead-extractor job over LinkedIn or Sales Navigator search URLs (<c>POST /lead-extractor/campaigns</c>).</summary>
    public sealed class LeadExtractionJob : LeadSourcingJob
    {
        /// <summary>Credits the extraction is expected to use (in the answer that started it).</summary>
        [JsonPropertyName("estimated_credits")]
        public long? EstimatedCredits { get; set; }

        public override void KeepStartFacts(LeadSourcingJob started) => EstimatedCredits ??= (started as LeadExtractionJob)?.EstimatedCredits;
    }
}
