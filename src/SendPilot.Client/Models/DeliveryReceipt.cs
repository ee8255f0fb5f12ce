using System;

namespace SendPilot.Client.Models
{
    /// <summary>What every send and connect answer shares: who it went to, from which sender, and how it ended.</summary>
    public abstract class DeliveryReceipt : ApiObject
    {
        public string? RecipientLinkedinUrl { get; set; }
        public string? SenderId { get; set; }
        public string? Status { get; set; }
        public DateTimeOffset? Timestamp { get; set; }
        public bool? Success { get; set; }
        public string? Error { get; set; }
    }
}
