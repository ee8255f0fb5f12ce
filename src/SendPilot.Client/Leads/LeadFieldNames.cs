using System;
using System.Collections.Generic;
using System.Text;

namespace SendPilot.Client.Leads
{
    /// <summary>
    /// Matches input column names to the lead fields the API knows, ignoring case, spaces, '_' and '-'
    /// ("LinkedIn URL", "first_name", "First Name"). Common profile-URL headers map to linkedinUrl.
    /// Any other name is kept as it is and sent as a flat custom field.
    /// </summary>
    public static class LeadFieldNames
    {
        public const string LinkedinUrl = "linkedinUrl";
        public const string CampaignId = "campaignId";

        private static readonly Dictionary<string, string> Known = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["linkedinurl"] = LinkedinUrl,
            ["linkedin"] = LinkedinUrl,
            ["profileurl"] = LinkedinUrl,
            ["linkedinprofile"] = LinkedinUrl,
            ["linkedinprofileurl"] = LinkedinUrl,
            ["firstname"] = "firstName",
            ["lastname"] = "lastName",
            ["company"] = "company",
            ["title"] = "title",
            ["email"] = "email",
        };

        /// <summary>The API's spelling of a well-known field, or the name unchanged (trimmed).</summary>
        public static string Canonical(string name) =>
            Known.TryGetValue(Squash(name), out string? known) ? known : name.Trim();

        /// <summary>True for the column that names the campaign (never sent as a custom field).</summary>
        public static bool IsCampaignId(string name) => Squash(name) == "campaignid";

        /// <summary>Lower case without spaces, '_' and '-'.</summary>
        public static string Squash(string name)
        {
            var text = new StringBuilder(name.Length);
            foreach (char c in name)
                if (c != ' ' && c != '_' && c != '-' && !char.IsWhiteSpace(c)) text.Append(char.ToLowerInvariant(c));
            return text.ToString();
        }
    }
}
