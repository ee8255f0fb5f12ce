namespace SendPilot.Client.Models
{
    /// <summary>What SendPilot answered to one sent message. Status is "sent" (old docs: "queued").</summary>
    public sealed class MessageReceipt : DeliveryReceipt
    {
        public string? MessageId { get; set; }
        public string? ConversationId { get; set; }
        public string? LeadId { get; set; }

        public override string ToString() => MessageId ?? "";
    }
}
