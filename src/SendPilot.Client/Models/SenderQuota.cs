using System;

namespace SendPilot.Client.Models
{
    /// <summary>
    /// One sender's daily LinkedIn quotas (<c>GET /senders/quotas</c>). The API's field names are not
    /// documented, so the answer is read tolerantly and kept as it came (internally, for diagnosis).
    /// A null count means the answer did not say.
    /// </summary>
    public sealed class SenderQuota
    {
        public string SenderId { get; set; } = "";
        public long? MessagesRemaining { get; set; }
        public long? MessagesLimit { get; set; }
        public long? MessagesUsed { get; set; }
        public long? ConnectionsRemaining { get; set; }
        public long? ConnectionsLimit { get; set; }
        public long? ConnectionsUsed { get; set; }
        public DateTimeOffset? ResetsAt { get; set; }

        /// <summary>This sender's part of the answer, as JSON text (the whole answer: Invoke-SpApi GET /senders/quotas).</summary>
        internal string RawJson { get; set; } = "{}";

        /// <summary>What is left today for the action, or null when unknown.</summary>
        public long? RemainingFor(Outreach.OutreachAction action) =>
            action == Outreach.OutreachAction.Message ? MessagesRemaining : ConnectionsRemaining;

        public override string ToString() => SenderId;
    }
}
