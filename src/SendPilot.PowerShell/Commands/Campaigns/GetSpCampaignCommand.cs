using System;
using System.Management.Automation;
using SendPilot.Client;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Completers;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Campaigns
{
    /// <summary>Lists campaigns, or gets campaigns by id.</summary>
    /// <remarks>
    /// <para>Without -Id, every campaign with the given -Status is listed; each page is written as it arrives, so the first
    /// campaigns show at once and Ctrl+C stops the listing. -Name filters by wildcard, ignoring case.</para>
    /// <para>Campaign objects carry CampaignId as well as Id, so they pipe into Get-SpLead, Add-SpLead, Suspend-SpCampaign and
    /// Resume-SpCampaign. An unknown id is a non-terminating error (SendPilot.CampaignNotFound); the other ids still come.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-SpCampaign -Status active | Format-Table</code>
    /// <para>Lists running campaigns with their lead, connection, message and reply counts.</para>
    /// </example>
    /// <example>
    /// <code>Get-SpCampaign -Name 'Q4*'</code>
    /// <para>Lists every campaign whose name starts with Q4.</para>
    /// </example>
    /// <example>
    /// <code>Get-SpCampaign -Id camp_xyz789 | Select-Object Name, Type, LeadsContacted, LinkedInSenderIds</code>
    /// <para>Gets one campaign with the details only the single-campaign call returns.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SpCampaign", SupportsPaging = true, HelpUri = HelpLinks.Campaigns)]
    [OutputType(typeof(Campaign))]
    public sealed class GetSpCampaignCommand : SendPilotCmdlet
    {
        /// <summary>Campaign ids to get. Binds from the pipeline by property name (Id or CampaignId).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("CampaignId")]
        [ValidateNotNullOrEmpty]
        [CampaignIdCompletion]
        public string[]? Id { get; set; }

        /// <summary>Lists only campaigns in this state, as campaigns show it: all (default), started (also called active), paused, draft, finished or repeating.</summary>
        [Parameter]
        [ValidateSet("all", "started", "active", "paused", "draft", "finished", "repeating", IgnoreCase = true)]
        public string Status { get; set; } = "all";

        /// <summary>Keeps campaigns whose name matches this wildcard pattern, ignoring case.</summary>
        [Parameter]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary>Campaigns per request while listing (1–100, default 100).</summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = SendPilotClient.CampaignPageSize;

        private WildcardPattern? _namePattern;

        protected override void Begin()
        {
            if (!string.IsNullOrEmpty(Name)) _namePattern = WildcardPattern.Get(Name, WildcardOptions.IgnoreCase);
        }

        protected override void ProcessItem()
        {
            if (Id == null)
            {
                bool filterHere = _namePattern != null || CampaignStatusFilter.ToApiFilter(Status) == CampaignStatusFilter.All;
                foreach (Campaign campaign in StreamPaged(Client.ListCampaigns(Status, PageSize), filterHere ? Wanted : (Func<Campaign, bool>?)null))
                    WriteModel(campaign);
                return;
            }
            foreach (string id in Id) WriteCampaign(id);
        }

        private void WriteCampaign(string id)
        {
            try
            {
                Campaign campaign = Await(Client.GetCampaignAsync(id, CancelToken));
                if (Wanted(campaign)) WriteModel(campaign);
            }
            catch (SendPilotApiException notFound) when (notFound.Kind == ApiErrorKind.NotFound)
            {
                WriteApiError(notFound, id, "SendPilot.CampaignNotFound");
            }
        }

        // The list endpoint filters by the statuses it knows; -Name, repeating and campaigns fetched by id are filtered here.
        private bool Wanted(Campaign campaign) =>
            (_namePattern == null || _namePattern.IsMatch(campaign.Name ?? "")) && CampaignStatusFilter.Matches(campaign, Status);
    }
}
