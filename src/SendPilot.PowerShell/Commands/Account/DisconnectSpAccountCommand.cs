using System.Management.Automation;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Account
{
    /// <summary>Forgets this session's connection. $env:SENDPILOT_API_KEY, if set, still applies afterwards.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "SpAccount")]
    [OutputType(typeof(void))]
    public sealed class DisconnectSpAccountCommand : SendPilotCmdlet
    {
        protected override void ProcessItem()
        {
            if (ConnectionStore.Remove()) WriteVerbose("Disconnected from SendPilot.");
            else WriteVerbose("This session was not connected.");
        }
    }
}
