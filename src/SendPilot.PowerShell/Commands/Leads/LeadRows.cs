using System;
using System.Collections.Generic;
using System.Management.Automation;
using SendPilot.Client.Leads;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Infrastructure;
using System.Runtime.CompilerServices;
using SendPilot.Client;

namespace SendPilot.PowerShell.Commands.Leads
{
    /// <summary>Pipeline input of any shape → the labelled fields the uploader reads.</summary>
    internal static class LeadRows
    {
        /// <summary>
        /// A bare URL (text or [uri]) is the linkedinUrl; the module's own lead-shaped objects go through
        /// <see cref="ILeadSource"/>; anything else is read as a row. Null for a $null row.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static IReadOnlyList<RowField>? Fields(PSObject? row, NoteProperties notes)
        {
            switch (row?.BaseObject)
            {
                case null:
                    return null;
                case string url:
                    return new[] { new RowField(LeadFieldNames.LinkedinUrl, url) };
                case Uri uri:
                    return new[] { new RowField(LeadFieldNames.LinkedinUrl, uri.OriginalString) };
                case ILeadSource lead:
                    return Copy(lead);
                default:
                    return InputRow.Of(row, notes).Fields;
            }
        }

        /// <summary>True for a row whose columns can be checked for a URL column (not a bare URL, not one of the module's leads).</summary>
        public static bool HasColumns(PSObject? row) =>
            row != null && !(row.BaseObject is string || row.BaseObject is Uri || row.BaseObject is ILeadSource);

        /// <summary>The campaign a hashtable row names itself (objects bind -CampaignId by property name instead).</summary>
        [MethodImpl(HotPath.Optimized)]
        public static string? CampaignOf(PSObject? row)
        {
            if (!(row?.BaseObject is System.Collections.IDictionary)) return null;
            foreach (RowField field in InputRow.Of(row).Fields)
                if (LeadFieldNames.IsCampaignId(field.Name)) return field.Value?.ToString();
            return null;
        }

        private static IReadOnlyList<RowField> Copy(ILeadSource lead)
        {
            var fields = new List<RowField> { new RowField(LeadFieldNames.LinkedinUrl, lead.LinkedinUrl) };
            foreach (var field in lead.GetLeadFields()) fields.Add(new RowField(field.Key, field.Value));
            return fields;
        }
    }
}
