namespace SendPilot.Client.Models
{
    /// <summary>What SendPilot answered to one connection request. Status is "sent", or "already_connected" (no request was needed).</summary>
    public sealed class ConnectionReceipt : DeliveryReceipt
    {
        public string? RequestId { get; set; }

        public override string ToString() => RequestId ?? "";
    }
}
