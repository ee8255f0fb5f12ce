using System.Management.Automation;
using SendPilot.Client;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Completers;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Campaigns
{
    /// <summary>Shared by Suspend-SpCampaign and Resume-SpCampaign: one PATCH per campaign, with ShouldProcess.</summary>
    public abstract class CampaignStateCommand : SendPilotCmdlet
    {
        /// <summary>Ids of the campaigns. Binds from the pipeline by property name (CampaignId or Id), so Get-SpCampaign output pipes in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [CampaignIdCompletion]
        public string[] CampaignId { get; set; } = new string[0];

        /// <summary>"pause" or "resume", as the API names it.</summary>
        protected abstract string Action { get; }

        /// <summary>The state a campaign must be in for the action, for the error message.</summary>
        protected abstract string RequiredState { get; }

        protected override void ProcessItem()
        {
            foreach (string id in CampaignId)
                if (ShouldProcess(InWorkspace($"campaign {id}"), Action)) Change(id);
        }

        private void Change(string id)
        {
            try
            {
                WriteModel(Await(Client.ChangeCampaignStateAsync(id, Action, CancelToken)));
            }
            catch (SendPilotApiException invalid) when (invalid.Kind == ApiErrorKind.InvalidRequest)
            {
                var record = ErrorRecords.FromApi(invalid, id, "SendPilot.InvalidCampaignState");
                record.ErrorDetails.RecommendedAction = $"Only a campaign that is {RequiredState} can be {Action}d; see its status with Get-SpCampaign -Id {id}.";
                WriteError(record);
            }
            catch (SendPilotApiException unknown) when (unknown.Kind == ApiErrorKind.DeliveryUnknown)
            {
                var record = ErrorRecords.FromApi(unknown, id, "SendPilot.CampaignStateUnknown");
                record.ErrorDetails.RecommendedAction = $"Campaign {id} may or may not have been {Action}d; see its status with Get-SpCampaign -Id {id} before trying again.";
                WriteError(record);
            }
            catch (SendPilotApiException notFound) when (notFound.Kind == ApiErrorKind.NotFound)
            {
                WriteApiError(notFound, id, "SendPilot.CampaignNotFound");
            }
        }
    }
}
