using System;

namespace SendPilot.Client.Models
{
    /// <summary>What SendPilot answered to one sent message.</summary>
    public sealed class MessageReceipt : ApiObject
    {
        public string? MessageId { get; set; }
        public string? ConversationId { get; set; }
        public string? LeadId { get; set; }
        public string? RecipientLinkedinUrl { get; set; }
        public string? SenderId { get; set; }

        /// <summary>sent (old docs: queued).</summary>
        public string? Status { get; set; }

        public DateTimeOffset? Timestamp { get; set; }
        public bool? Success { get; set; }
        public string? Error { get; set; }

        public override string ToString() => MessageId ?? "";
    }
}
