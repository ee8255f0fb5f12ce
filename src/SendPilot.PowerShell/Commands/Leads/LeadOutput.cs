using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Leads
{
    internal static class LeadOutput
    {
        /// <summary>
        /// The lead with its custom fields as plain properties after the known ones (and together in Data), then any
        /// field the API added beyond the model.
        /// </summary>
        public static PSObject ToPSObject(Lead lead)
        {
            var custom = lead.GetCustomFields();
            var extras = new List<KeyValuePair<string, object?>>();
            extras.AddRange(custom.Select(f => new KeyValuePair<string, object?>(f.Key, PSObjectConverter.FromJson(f.Value))));
            if (custom.Count > 0) extras.Add(new KeyValuePair<string, object?>("Data", PSObjectConverter.ToPSCustomObject(extras)));
            extras.AddRange(PSObjectConverter.AdditionalFieldsOf(lead));
            return PSObject.AsPSObject(PSObjectConverter.ForOutput(lead, extras));
        }
    }
}
