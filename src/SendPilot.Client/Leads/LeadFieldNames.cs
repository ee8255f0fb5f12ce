using System;
using System.Collections.Generic;
using System.Linq;
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

        /// <summary>
        /// A row exported from the module's own leads (Get-SpLead | Export-Csv): it has both Id and LeadId, equal.
        /// Such a row is read as a lead: only its known fields and custom fields are copied.
        /// </summary>
        public static bool IsExportedLead(IReadOnlyList<RowField> row)
        {
            object? id = null, leadId = null;
            for (int i = 0; i < row.Count; i++)
            {
                RowField field = row[i];
                string name = Squash(field.Name);
                if (name == "id") id = field.Value;
                else if (name == "leadid") leadId = field.Value;
            }
            return id != null && leadId != null && string.Equals(id.ToString(), leadId.ToString(), StringComparison.Ordinal);
        }

        /// <summary>A property of <see cref="Models.Lead"/> that is the lead's own (id, status, timestamps, profile, Data), never copied.</summary>
        public static bool IsLeadOwnColumn(string name) => LeadOwnColumns.Contains(Squash(name));

        private static readonly HashSet<string> LeadOwnColumns = new HashSet<string>(
            typeof(Models.Lead).GetProperties().Select(p => Squash(p.Name)).Where(n => !Known.ContainsKey(n))
                .Concat(new[] { "data" }), // the container of the custom fields, shown as a Data column but not a public property
            StringComparer.Ordinal);

        /// <summary>The column most like a LinkedIn URL header (e.g. "LinkdIn URL"), or null when none is close.</summary>
        public static string? ClosestToUrl(IEnumerable<string> columns)
        {
            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (string column in columns)
            {
                string squashed = Squash(column);
                int distance = Known.Where(k => k.Value == LinkedinUrl).Min(k => Distance(squashed, k.Key));
                if (squashed.Contains("linkedin") || squashed.Contains("url") || squashed.Contains("profile")) distance = Math.Min(distance, 3);
                if (distance < bestDistance) (best, bestDistance) = (column, distance);
            }
            return bestDistance <= 4 ? best : null;
        }

        private static int Distance(string a, string b)
        {
            var row = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++) row[j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                int diagonal = row[0];
                row[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int above = row[j];
                    row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                    diagonal = above;
                }
            }
            return row[b.Length];
        }

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
