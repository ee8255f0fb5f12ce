using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SendPilot.Client.Models
{
    /// <summary>A lead of a campaign. With full=true the API adds profile details and the custom fields in <see cref="Data"/>.</summary>
    public sealed class Lead : ApiObject
    {
        public string Id { get; set; } = "";

        /// <summary>Same as <see cref="Id"/>, so leads pipe into -LeadId parameters.</summary>
        [JsonIgnore]
        public string LeadId => Id;

        public string? CampaignId { get; set; }
        public string? LinkedinUrl { get; set; }
        public string? Status { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? Title { get; set; }
        public string? Company { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }

        // full=true only
        public string? CustomLeadStatus { get; set; }
        public string? SenderId { get; set; }
        public string? Email { get; set; }
        public string? Industry { get; set; }
        public string? Location { get; set; }
        public string? Website { get; set; }
        public string? About { get; set; }
        public string? ProfilePictureUrl { get; set; }
        public long? ConnectionCount { get; set; }
        public long? FollowerCount { get; set; }
        public bool? IsOpenProfile { get; set; }
        public bool? IsPremium { get; set; }

        /// <summary>Custom fields sent when the lead was added (full=true), as the API sent them.</summary>
        /// <remarks>Not public, so PowerShell's JSON and CSV writers never meet the raw JsonElements; read them through <see cref="GetCustomFields"/>.</remarks>
        [JsonInclude]
        internal Dictionary<string, JsonElement>? Data { get; set; }

        /// <summary>The custom fields sent when the lead was added (full=true); empty otherwise.</summary>
        public IReadOnlyDictionary<string, JsonElement> GetCustomFields() =>
            (IReadOnlyDictionary<string, JsonElement>?)Data ?? new Dictionary<string, JsonElement>();

        public override string ToString() =>
            string.IsNullOrEmpty(FirstName) && string.IsNullOrEmpty(LastName) ? (LinkedinUrl ?? Id) : $"{FirstName} {LastName}".Trim();
    }
}
