using System;

namespace SendPilot.Client.Models
{
    /// <summary>What SendPilot answered to one connection request.</summary>
    public sealed class ConnectionReceipt : ApiObject
    {
        public string? RequestId { get; set; }
        public string? RecipientLinkedinUrl { get; set; }
        public string? SenderId { get; set; }

        /// <summary>sent, or already_connected (no request was needed).</summary>
        public string? Status { get; set; }

        public DateTimeOffset? Timestamp { get; set; }
        public bool? Success { get; set; }
        public string? Error { get; set; }

        public override string ToString() => RequestId ?? "";
    }
}
