using System;
using System.Text.Json.Serialization;

namespace SendPilot.Client.Models
{
    public sealed class Campaign : ApiObject
    {
        public string Id { get; set; } = "";

        /// <summary>Same as <see cref="Id"/>, so campaigns pipe into -CampaignId parameters.</summary>
        [JsonIgnore]
        public string CampaignId => Id;

        public string? Name { get; set; }

        private string? _status;

        /// <summary>Lower case whatever the API generation sent (started, paused, draft, finished).</summary>
        public string? Status
        {
            get => _status;
            set => _status = value?.ToLowerInvariant();
        }

        public string? Type { get; set; }
        public string? Description { get; set; }
        public long? TotalLeads { get; set; }
        public long? LeadsContacted { get; set; }
        public long? ConnectionsSent { get; set; }
        public long? MessagesSent { get; set; }
        public long? RepliesReceived { get; set; }
        public Json.PlainList<string>? LinkedInSenderIds { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }

        public override string ToString() => Name ?? Id;
    }
}
