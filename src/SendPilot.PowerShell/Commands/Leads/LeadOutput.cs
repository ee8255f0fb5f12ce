using System.Management.Automation;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Leads
{
    internal static class LeadOutput
    {
        /// <summary>The lead with unknown API fields and its custom fields (Data) as extra properties.</summary>
        public static PSObject ToPSObject(Lead lead)
        {
            PSObject wrapped = PSObject.AsPSObject(PSObjectConverter.WithAdditionalFields(lead));
            if (lead.Data != null)
                foreach (var field in lead.Data)
                    if (wrapped.Properties[field.Key] == null)
                        wrapped.Properties.Add(new PSNoteProperty(field.Key, PSObjectConverter.FromJson(field.Value)));
            return wrapped;
        }
    }
}
