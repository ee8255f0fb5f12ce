using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using SendPilot.Client.Json;

namespace SendPilot.Client.Webhooks
{
    /// <summary>Realistic sample events of every type, shaped as SendPilot sends them (API.md, "Webhooks").</summary>
    public static class WebhookSamples
    {
        private const string LeadId = "lead_8f3k2m1p";
        private const string CampaignId = "camp_xyz789";
        private const string CampaignName = "Q4 Founders Outreach";
        private const string LinkedinUrl = "https://www.linkedin.com/in/chloe-anders";
        private const string SenderId = "sender_ann";

        /// <summary>Every event type a sample can be made for: the current names, then the legacy ones.</summary>
        public static IReadOnlyList<string> EventTypes { get; } = BuildTypes();

        /// <summary>A new event id in SendPilot's shape: <c>evt_&lt;unix ms&gt;_&lt;random&gt;</c>.</summary>
        public static string NewEventId(DateTimeOffset now) =>
            "evt_" + now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N").Substring(0, 9);

        /// <summary>
        /// The JSON body of a sample event. Entries of <paramref name="overrides"/> replace (or add) fields
        /// of <c>data</c>; a null value removes the field.
        /// </summary>
        public static byte[] Create(string eventType, IDictionary? overrides, DateTimeOffset timestamp, string? eventId = null, string workspaceId = "ws_sandbox")
        {
            if (string.IsNullOrWhiteSpace(eventType)) throw new ArgumentException("An event type is required.", nameof(eventType));
            var data = SampleData(eventType, timestamp);
            if (overrides != null)
                foreach (DictionaryEntry entry in overrides)
                {
                    string key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
                    if (entry.Value == null) data.Remove(key);
                    else data[key] = entry.Value;
                }
            var envelope = new Dictionary<string, object?>
            {
                ["eventId"] = eventId ?? NewEventId(timestamp),
                ["eventType"] = eventType,
                ["timestamp"] = timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["workspaceId"] = workspaceId,
                ["data"] = data,
            };
            return JsonBody.Serialize(envelope);
        }

        private static Dictionary<string, object?> SampleData(string eventType, DateTimeOffset now)
        {
            string at = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            var data = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            void Lead(bool withCampaign = true)
            {
                data["leadId"] = LeadId;
                if (withCampaign) data["campaignId"] = CampaignId;
                data["linkedinUrl"] = LinkedinUrl;
                data["senderId"] = SenderId;
            }
            void Campaign()
            {
                data["campaignId"] = CampaignId;
                data["campaignName"] = CampaignName;
            }

            switch (eventType.ToLowerInvariant())
            {
                case WebhookEventTypes.MessageSent:
                    Lead();
                    data["message"] = "Hi Chloe, thanks for connecting! Would a short call next week help?";
                    data["sequenceStep"] = 1;
                    break;
                case WebhookEventTypes.ReplyReceived:
                    Lead();
                    data["reply"] = "Thanks for reaching out! Tuesday at 10 works for me.";
                    break;
                case "message.received":
                    Lead(withCampaign: false);
                    data["message"] = "Thanks for reaching out! Tuesday at 10 works for me.";
                    data["replyPreview"] = "Thanks for reaching out! Tuesday at…";
                    break;
                case WebhookEventTypes.ConnectionRequestSent:
                case "connection.sent":
                    Lead();
                    data["note"] = "Hi Chloe, I enjoyed your post on founder-led sales. Let's connect!";
                    break;
                case WebhookEventTypes.ConnectionRequestAccepted:
                case "connection.accepted":
                    Lead();
                    data["acceptedAt"] = at;
                    break;
                case WebhookEventTypes.CampaignStarted:
                    Campaign();
                    data["startedAt"] = at;
                    break;
                case WebhookEventTypes.CampaignPaused:
                    Campaign();
                    data["pausedAt"] = at;
                    data["pausedBy"] = "api";
                    break;
                case WebhookEventTypes.CampaignResumed:
                    Campaign();
                    data["resumedAt"] = at;
                    data["resumedBy"] = "api";
                    break;
                case WebhookEventTypes.CampaignFinished:
                    Campaign();
                    data["finishedAt"] = at;
                    break;
                case WebhookEventTypes.LeadUpdated:
                case "lead.status.changed":
                    data["leadId"] = LeadId;
                    data["campaignId"] = CampaignId;
                    data["linkedinUrl"] = LinkedinUrl;
                    data["previousStatus"] = "REPLY_RECEIVED";
                    data["newStatus"] = "MEETING_BOOKED";
                    data["changedBy"] = "api";
                    break;
                case WebhookEventTypes.LeadTagUpdated:
                    data["leadId"] = LeadId;
                    data["campaignId"] = CampaignId;
                    data["linkedinUrl"] = LinkedinUrl;
                    data["previousTag"] = "INTERESTED";
                    data["newTag"] = "MEETING_BOOKED";
                    break;
                case WebhookEventTypes.LeadDatabaseSearchCompleted:
                    data["searchId"] = "search_4k9d2f";
                    data["status"] = "completed";
                    data["totalResults"] = 2;
                    data["leads"] = new object[] { SampleLead("Chloe", "Anders", "chloe-anders"), SampleLead("Ben", "Okafor", "ben-okafor") };
                    data["completedAt"] = at;
                    break;
                case WebhookEventTypes.LeadExtractorJobCompleted:
                    data["jobId"] = "extract_7m2p9q";
                    data["status"] = "completed";
                    data["totalLeads"] = 2;
                    data["leads"] = new object[] { SampleLead("Chloe", "Anders", "chloe-anders"), SampleLead("Ben", "Okafor", "ben-okafor") };
                    data["completedAt"] = at;
                    break;
                default:
                    Lead();
                    break;
            }
            return data;
        }

        private static Dictionary<string, object?> SampleLead(string first, string last, string slug) => new Dictionary<string, object?>
        {
            ["firstName"] = first,
            ["lastName"] = last,
            ["linkedinUrl"] = "https://www.linkedin.com/in/" + slug,
            ["title"] = "Founder & CEO",
            ["company"] = last + " Labs",
        };

        private static IReadOnlyList<string> BuildTypes()
        {
            var types = new List<string>(WebhookEventTypes.Current);
            types.AddRange(WebhookEventTypes.Legacy.Keys);
            return types;
        }
    }
}
