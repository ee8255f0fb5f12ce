using System.Management.Automation;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Campaigns
{
    /// <summary>Pauses running campaigns.</summary>
    /// <remarks>Only a running (started) campaign can be paused; any other state is a non-terminating error
    /// (SendPilot.InvalidCampaignState) for that campaign, and the others go on. When the answer is lost (a 5xx, a timeout, a dropped connection) the campaign is read again first: if it is already paused that is reported as success, otherwise the change is tried again.
    /// Supports -WhatIf and -Confirm.</remarks>
    /// <example>
    /// <code>Suspend-SpCampaign -CampaignId camp_xyz789</code>
    /// <para>Pauses one campaign after confirmation.</para>
    /// </example>
    /// <example>
    /// <code>Get-SpCampaign -Status active -Name 'Trial*' | Suspend-SpCampaign -Confirm:$false</code>
    /// <para>Pauses every running campaign whose name starts with Trial.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Suspend, "SpCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Campaigns)]
    [OutputType(typeof(CampaignStateChange))]
    public sealed class SuspendSpCampaignCommand : CampaignStateCommand
    {
        protected override string Action => "pause";
        protected override string RequiredState => "running (started)";
    }
}
