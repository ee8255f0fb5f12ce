using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using SendPilot.Client.Leads;

namespace SendPilot.PowerShell.Commands.Leads
{
    /// <summary>Pipeline input of any shape → the (name, value) pairs the uploader reads.</summary>
    internal static class LeadRows
    {
        public static List<KeyValuePair<string, object?>> Fields(PSObject row)
        {
            var fields = new List<KeyValuePair<string, object?>>();
            switch (row.BaseObject)
            {
                case string url:
                    fields.Add(new KeyValuePair<string, object?>(LeadFieldNames.LinkedinUrl, url));
                    break;
                case IDictionary map:
                    foreach (DictionaryEntry entry in map)
                        fields.Add(new KeyValuePair<string, object?>(entry.Key?.ToString() ?? "", Plain(entry.Value)));
                    break;
                default:
                    foreach (PSPropertyInfo property in row.Properties)
                    {
                        if (!property.IsGettable) continue;
                        object? value;
                        try { value = property.Value; }
                        catch (GetValueException) { continue; }
                        fields.Add(new KeyValuePair<string, object?>(property.Name, Plain(value)));
                    }
                    break;
            }
            return fields;
        }

        /// <summary>The campaign a hashtable row names itself (objects bind -CampaignId by property name instead).</summary>
        public static string? CampaignOf(PSObject row)
        {
            if (row.BaseObject is IDictionary map)
                foreach (DictionaryEntry entry in map)
                    if (entry.Key is string key && LeadFieldNames.IsCampaignId(key)) return Plain(entry.Value)?.ToString();
            return null;
        }

        /// <summary>A value without its PSObject wrapper; a [pscustomobject] becomes a dictionary (so it is refused as nested).</summary>
        private static object? Plain(object? value)
        {
            if (value is PSObject ps)
            {
                if (ps.BaseObject is PSCustomObject)
                {
                    var nested = new Hashtable();
                    foreach (PSPropertyInfo property in ps.Properties) nested[property.Name] = null;
                    return nested;
                }
                return ps.BaseObject;
            }
            return value;
        }
    }
}
