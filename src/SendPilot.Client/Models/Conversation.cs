using System;
using System.Text.Json.Serialization;

namespace SendPilot.Client.Models
{
    /// <summary>An inbox conversation of one sender account.</summary>
    public sealed class Conversation : ApiObject
    {
        public string Id { get; set; } = "";

        /// <summary>Same as <see cref="Id"/>, so conversations pipe into Get-SpMessage.</summary>
        [JsonIgnore]
        public string ConversationId => Id;

        /// <summary>The sender account the conversation belongs to.</summary>
        public string? AccountId { get; set; }

        /// <summary>Same as <see cref="AccountId"/>, so conversations pipe into -SenderId.</summary>
        [JsonIgnore]
        public string? SenderId => AccountId;

        public string? ParticipantName { get; set; }
        public string? ParticipantLinkedinUrl { get; set; }
        public DateTimeOffset? LastMessageAt { get; set; }
        public string? LastMessagePreview { get; set; }
        public long? UnreadCount { get; set; }

        public override string ToString() => ParticipantName ?? Id;
    }
}
