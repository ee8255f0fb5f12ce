using System;
using System.Collections.Generic;
using System.Linq;

namespace SendPilot.Client.Models
{
    /// <summary>The lead statuses SendPilot is known to use. The API's list grows, so these help typing and catch typos; they never refuse a value.</summary>
    public static class LeadStatuses
    {
        /// <summary>First those PATCH /leads/{id}/status accepts, then the others seen in lists.</summary>
        public static readonly IReadOnlyList<string> Known = new[]
        {
            "OPPORTUNITY", "MEETING_BOOKED", "DONE", "UNSUBSCRIBED", "IRRELEVANT", "NOT_INTERESTED",
            "PENDING", "CONNECTION_SENT", "CONNECTION_ACCEPTED", "MESSAGE_SENT", "REPLY_RECEIVED",
        };

        public static bool IsKnown(string status) => Known.Contains(status.Trim(), StringComparer.OrdinalIgnoreCase);
    }
}
