using System;
using System.Collections.Generic;

namespace SendPilot.Client.Webhooks
{
    /// <summary>The event names SendPilot sends, and the older names still seen from earlier integrations.</summary>
    public static class WebhookEventTypes
    {
        public const string MessageSent = "message.sent";
        public const string ReplyReceived = "reply.received";
        public const string ConnectionRequestSent = "connection_request.sent";
        public const string ConnectionRequestAccepted = "connection_request.accepted";
        public const string CampaignStarted = "campaign.started";
        public const string CampaignPaused = "campaign.paused";
        public const string CampaignResumed = "campaign.resumed";
        public const string CampaignFinished = "campaign.finished";
        public const string LeadUpdated = "lead.updated";
        public const string LeadTagUpdated = "lead.tag.updated";
        public const string LeadDatabaseSearchCompleted = "lead_database.search.completed";
        public const string LeadExtractorJobCompleted = "lead_extractor.job.completed";

        /// <summary>Every current event name.</summary>
        public static readonly IReadOnlyList<string> Current = new[]
        {
            MessageSent, ReplyReceived, ConnectionRequestSent, ConnectionRequestAccepted,
            CampaignStarted, CampaignPaused, CampaignResumed, CampaignFinished,
            LeadUpdated, LeadTagUpdated, LeadDatabaseSearchCompleted, LeadExtractorJobCompleted,
        };

        /// <summary>Older name → current name.</summary>
        public static readonly IReadOnlyDictionary<string, string> Legacy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["message.received"] = ReplyReceived,
            ["connection.sent"] = ConnectionRequestSent,
            ["connection.accepted"] = ConnectionRequestAccepted,
            ["lead.status.changed"] = LeadUpdated,
        };

        /// <summary>The current name for an event type; unknown names pass through unchanged.</summary>
        public static string Normalize(string eventType)
        {
            if (eventType == null) throw new ArgumentNullException(nameof(eventType));
            return Legacy.TryGetValue(eventType.Trim(), out string? current) ? current : eventType;
        }
    }
}
