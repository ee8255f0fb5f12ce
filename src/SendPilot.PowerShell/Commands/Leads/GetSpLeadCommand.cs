using System.Collections.Generic;
using System.Management.Automation;
using SendPilot.Client;
using SendPilot.Client.Models;
using SendPilot.Client.Paging;
using SendPilot.PowerShell.Completers;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Leads
{
    /// <summary>Lists the leads of campaigns, streaming page by page, or gets leads by id.</summary>
    /// <remarks>
    /// <para>With -CampaignId every page is read: the first page reveals how many there are, then up to -ThrottleLimit later pages
    /// are fetched at once, and leads are still written in the API's order as each page arrives. Campaign objects pipe in
    /// (Get-SpCampaign | Get-SpLead). With -LeadId each lead is fetched on its own; an unknown id is a non-terminating error.</para>
    /// <para>Leads carry LeadId, CampaignId and LinkedinUrl for chaining into other cmdlets. With -Full the API adds profile details
    /// and the custom fields sent with Add-SpLead, which appear as properties of the lead (and in its Data property).</para>
    /// </remarks>
    /// <example>
    /// <code>Get-SpLead -CampaignId camp_xyz789 -Status CONNECTION_ACCEPTED</code>
    /// <para>Lists the campaign's leads that accepted the connection request.</para>
    /// </example>
    /// <example>
    /// <code>Get-SpCampaign -Status active | Get-SpLead | Where-Object Status -eq REPLY_RECEIVED</code>
    /// <para>Every lead of every active campaign that replied.</para>
    /// </example>
    /// <example>
    /// <code>Get-SpLead -LeadId lead_3 -Full | Format-List *</code>
    /// <para>One lead with its profile details and custom fields.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SpLead", DefaultParameterSetName = ById, SupportsPaging = true, HelpUri = HelpLinks.ReadLeads)]
    [OutputType(typeof(Lead))]
    public sealed class GetSpLeadCommand : SendPilotCmdlet
    {
        private const string ByCampaign = "ByCampaign";
        private const string ById = "ById";

        /// <summary>The campaign(s) whose leads to list. Binds by property name, so campaign objects and leads pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByCampaign, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [CampaignIdCompletion]
        public string[] CampaignId { get; set; } = new string[0];

        /// <summary>The lead id(s) to get. Binds by property name (LeadId).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] LeadId { get; set; } = new string[0];

        /// <summary>Only leads with this status (e.g. CONNECTION_ACCEPTED), filtered by the API. A status the module does not know is still asked for (the API's list grows), with a warning naming the known ones.</summary>
        [Parameter(ParameterSetName = ByCampaign)]
        [ArgumentCompleter(typeof(LeadStatusCompleter))]
        public string? Status { get; set; }

        /// <summary>Asks the API for full details: profile fields and the custom fields sent when the lead was added.</summary>
        [Parameter]
        public SwitchParameter Full { get; set; }

        /// <summary>Pages fetched at once after the first, 1 to 16. Default 4.</summary>
        [Parameter(ParameterSetName = ByCampaign)]
        [ValidateRange(1, 16)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>Leads per page, 1 to 100. Default 100 (the API's maximum).</summary>
        [Parameter(ParameterSetName = ByCampaign)]
        [ValidateRange(1, SendPilotClient.LeadPageSize)]
        public int PageSize { get; set; } = SendPilotClient.LeadPageSize;

        protected override void ProcessItem()
        {
            if (ParameterSetName == ById)
            {
                foreach (string id in LeadId) WriteLead(id);
                return;
            }
            foreach (string campaignId in CampaignId)
            {
                try
                {
                    WriteCampaignLeads(campaignId);
                }
                catch (SendPilotApiException notFound) when (notFound.Kind == ApiErrorKind.NotFound)
                {
                    WriteApiError(notFound, campaignId, "SendPilot.CampaignNotFound");
                }
            }
        }

        private void WriteCampaignLeads(string campaignId)
        {
            long written = 0;
            foreach (Lead lead in StreamPaged(Client.ListLeads(campaignId, Status, Full.IsPresent, ThrottleLimit, PageSize)))
            {
                WriteObject(LeadOutput.ToPSObject(lead));
                written++;
            }
            if (written == 0 && !string.IsNullOrWhiteSpace(Status) && !LeadStatuses.IsKnown(Status!))
                WriteWarning($"Campaign {campaignId} has no lead with status {Status!.Trim().ToUpperInvariant()}, which is not a status SendPilot " +
                             $"is known to use ({string.Join(", ", LeadStatuses.Known)}); check its spelling.");
        }

        private void WriteLead(string id)
        {
            try
            {
                WriteObject(LeadOutput.ToPSObject(Await(Client.GetLeadAsync(id, Full.IsPresent, CancelToken))));
            }
            catch (SendPilotApiException notFound) when (notFound.Kind == ApiErrorKind.NotFound)
            {
                WriteApiError(notFound, id, "SendPilot.LeadNotFound");
            }
        }
    }
}
