using System;
using System.Text.Json.Serialization;

namespace SendPilot.Client.Models
{
    /// <summary>One message of a conversation, inbound or outbound.</summary>
    public sealed class InboxMessage : ApiObject
    {
        public string Id { get; set; } = "";

        [JsonIgnore]
        public string MessageId => Id;

        public string? ConversationId { get; set; }
        public string? SenderId { get; set; }

        /// <summary>inbound or outbound.</summary>
        public string? Direction { get; set; }

        public string? Text { get; set; }
        public DateTimeOffset? SentAt { get; set; }

        public override string ToString() => Text ?? Id;
    }
}
