using System;

namespace SendPilot.Client.Ledger
{
    /// <summary>What the send log knows about one send or connect: who, from which sender, which text, and how it ended.</summary>
    public sealed class SendLogEntry
    {
        /// <summary>The entry's id (e.g. sl_3f2a…), for Set-SpSendLog.</summary>
        public string Id { get; internal set; } = "";

        /// <summary>"message" or "connection".</summary>
        public string Action { get; internal set; } = "";

        /// <summary>The recipient's profile URL as sent (normalised), when known.</summary>
        public string? RecipientLinkedinUrl { get; internal set; }

        public string? LeadId { get; internal set; }
        public string SenderId { get; internal set; } = "";

        /// <summary>sent, unknown (may have been sent), refused (not sent) or notsent (recorded by the user).</summary>
        public string Status { get; internal set; } = SendLogStatus.Unknown;

        /// <summary>When the request was about to leave.</summary>
        public DateTimeOffset Time { get; internal set; }

        /// <summary>When the outcome was recorded; null while it is unknown.</summary>
        public DateTimeOffset? OutcomeTime { get; internal set; }

        /// <summary>The message or connection request id SendPilot answered with.</summary>
        public string? ReceiptId { get; internal set; }

        /// <summary>Why it was refused or is unknown, or the note given when the outcome was recorded by hand.</summary>
        public string? Reason { get; internal set; }

        /// <summary>A hash of the text sent (the filled message or note), so the same text is recognised without storing it.</summary>
        public string TextHash { get; internal set; } = "";

        public string Workspace { get; internal set; } = "";

        /// <summary>Whether this entry stops the same item from going out again: sent, or possibly sent.</summary>
        public bool Blocks => Status == SendLogStatus.Sent || Status == SendLogStatus.Unknown;

        public override string ToString() => Id;

        internal SendLogEntry Copy() => (SendLogEntry)MemberwiseClone();
    }

    /// <summary>The statuses of a send log entry.</summary>
    public static class SendLogStatus
    {
        public const string Sent = "sent";
        public const string Unknown = "unknown";
        public const string Refused = "refused";
        public const string NotSent = "notsent";
    }
}
