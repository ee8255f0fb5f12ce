using System.Management.Automation;
using SendPilot.Client;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Campaigns
{
    /// <summary>Lists campaigns page by page as they arrive, or gets campaigns by id.</summary>
    [Cmdlet(VerbsCommon.Get, "SpCampaign")]
    [OutputType(typeof(Campaign))]
    public sealed class GetSpCampaignCommand : SendPilotCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("CampaignId")]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        [Parameter]
        [ValidateSet("all", "active", "paused", "draft", "finished", IgnoreCase = true)]
        public string Status { get; set; } = "all";

        [Parameter]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary>Campaigns per request while listing.</summary>
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
                foreach (Campaign campaign in Stream(Client.ListCampaigns(Status, PageSize)))
                    if (NameMatches(campaign)) WriteModel(campaign);
                return;
            }
            foreach (string id in Id) WriteCampaign(id);
        }

        private void WriteCampaign(string id)
        {
            try
            {
                Campaign campaign = Await(Client.GetCampaignAsync(id, Stopping));
                if (NameMatches(campaign) && StatusMatches(campaign)) WriteModel(campaign);
            }
            catch (SendPilotApiException notFound) when (notFound.Kind == ApiErrorKind.NotFound)
            {
                WriteApiError(notFound, id, "SendPilot.CampaignNotFound");
            }
        }

        private bool NameMatches(Campaign campaign) => _namePattern == null || _namePattern.IsMatch(campaign.Name ?? "");

        // The list endpoint filters by status itself; a campaign fetched by id is filtered here.
        private bool StatusMatches(Campaign campaign) =>
            Status.Equals("all", System.StringComparison.OrdinalIgnoreCase)
            || string.Equals(campaign.Status, Status, System.StringComparison.OrdinalIgnoreCase)
            || (Status.Equals("active", System.StringComparison.OrdinalIgnoreCase) && campaign.Status == "started");
    }
}
