using System;
using System.Collections.Generic;
using System.Linq;

namespace SendPilot.Client.Models
{
    /// <summary>
    /// A campaign status to list by, in the words campaigns display (started, paused, draft, finished, repeating) or the
    /// list filter's (all, active). The list endpoint only knows all|active|paused|draft|finished and says active for started,
    /// so started asks for active, and a status it cannot filter by (repeating) asks for all and is matched here.
    /// </summary>
    public static class CampaignStatusFilter
    {
        public const string All = "all";

        /// <summary>Every value accepted, as shown in completion.</summary>
        public static readonly IReadOnlyList<string> Values = new[] { "all", "started", "active", "paused", "draft", "finished", "repeating" };

        private static readonly string[] ApiFilters = { "all", "active", "paused", "draft", "finished" };

        public static bool IsKnown(string status) => Values.Contains(Normal(status));

        /// <summary>What to send as the list's status query.</summary>
        public static string ToApiFilter(string status)
        {
            string wanted = Normal(status);
            if (wanted == "started") return "active";
            return ApiFilters.Contains(wanted) ? wanted : All;
        }

        /// <summary>Whether a campaign has the status asked for (started and active are the same).</summary>
        public static bool Matches(Campaign campaign, string status)
        {
            string wanted = Normal(status);
            if (wanted == All) return true;
            string actual = campaign.Status ?? "";
            return actual == wanted || (IsStarted(wanted) && IsStarted(actual));
        }

        private static bool IsStarted(string status) => status == "started" || status == "active";

        private static string Normal(string status) => (status ?? "").Trim().ToLowerInvariant();
    }
}
