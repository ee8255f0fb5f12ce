using System.Management.Automation;
using SendPilot.Client.Models;

namespace SendPilot.PowerShell.Commands.Campaigns
{
    /// <summary>Pauses running campaigns.</summary>
    [Cmdlet(VerbsLifecycle.Suspend, "SpCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CampaignStateChange))]
    public sealed class SuspendSpCampaignCommand : CampaignStateCommand
    {
        protected override string Action => "pause";
        protected override string RequiredState => "running (started)";
    }
}
