using System.Management.Automation;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Outreach
{
    /// <summary>Shows the workspace's credit balance.</summary>
    /// <remarks>
    /// <para>Reads GET /credits: credits available, from the subscription, purchased, used, and the next reset date. The
    /// older answer shape ({globalCredits{…}, leadDatabase{…}}) reads the same, with the lead-database credits in the
    /// LeadDatabase* properties.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-SpCredit</code>
    /// <para>The current balance.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SpCredit", HelpUri = HelpLinks.Outreach)]
    [OutputType(typeof(CreditBalance))]
    public sealed class GetSpCreditCommand : SendPilotCmdlet
    {
        protected override void ProcessItem() => WriteModel(Await(Client.GetCreditsAsync(CancelToken)));
    }
}
