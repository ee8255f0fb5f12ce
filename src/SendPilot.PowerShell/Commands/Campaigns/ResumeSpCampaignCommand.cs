using System.Management.Automation;
using SendPilot.Client.Models;

namespace SendPilot.PowerShell.Commands.Campaigns
{
    /// <summary>Resumes paused campaigns.</summary>
    [Cmdlet(VerbsLifecycle.Resume, "SpCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CampaignStateChange))]
    public sealed class ResumeSpCampaignCommand : CampaignStateCommand
    {
        protected override string Action => "resume";
        protected override string RequiredState => "paused";
    }
}
