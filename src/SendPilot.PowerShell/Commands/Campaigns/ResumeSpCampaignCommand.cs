using System.Management.Automation;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Campaigns
{
    /// <summary>Resumes paused campaigns.</summary>
    /// <remarks>Only a paused campaign can be resumed; any other state is a non-terminating error
    /// (SendPilot.InvalidCampaignState) for that campaign, and the others go on. When the answer is lost (a 5xx, a timeout, a dropped connection) the campaign is read again first: if it is already resumed that is reported as success, otherwise the change is tried again.
    /// Supports -WhatIf and -Confirm.</remarks>
    /// <example>
    /// <code>Get-SpCampaign -Status paused | Resume-SpCampaign -WhatIf</code>
    /// <para>Shows which paused campaigns would be resumed, without resuming them.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Resume, "SpCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Campaigns)]
    [OutputType(typeof(CampaignStateChange))]
    public sealed class ResumeSpCampaignCommand : CampaignStateCommand
    {
        protected override string Action => "resume";
        protected override string RequiredState => "paused";
    }
}
