using System;
using SendPilot.Client.Ledger;

namespace SendPilot.Client.Outreach
{
    /// <summary>One message or connection request to deliver: to whom, what, and how the send log should treat it.</summary>
    public sealed class OutreachItem
    {
        public OutreachItem(OutreachAction action, string? recipientLinkedinUrl, string? leadId, string? text)
        {
            Action = action;
            RecipientLinkedinUrl = recipientLinkedinUrl;
            LeadId = leadId;
            Text = text;
        }

        public OutreachAction Action { get; }

        /// <summary>The normalised profile URL; may be null for a message by lead.</summary>
        public string? RecipientLinkedinUrl { get; }

        public string? LeadId { get; }

        /// <summary>The filled message, or the connection note (null: no note).</summary>
        public string? Text { get; }

        /// <summary>A message through POST /inbox/send/lead/{leadId} rather than to a profile URL.</summary>
        public bool ByLead { get; set; }

        public string? CampaignId { get; set; }

        /// <summary>Send even when the send log shows it already went out.</summary>
        public bool Force { get; set; }

        /// <summary>Skip a message when any message reached (or may have reached) the recipient within this time.</summary>
        public TimeSpan? SkipIfContactedWithin { get; set; }

        internal LedgerItem ToLedgerItem(DateTimeOffset now) => new LedgerItem(
            Action == OutreachAction.Message ? LedgerActions.Message : LedgerActions.Connection,
            RecipientLinkedinUrl, LeadId, Text,
            SkipIfContactedWithin is TimeSpan within ? now - within : (DateTimeOffset?)null);
    }
}
