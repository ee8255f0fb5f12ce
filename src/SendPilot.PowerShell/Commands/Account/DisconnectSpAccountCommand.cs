using System.Management.Automation;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Account
{
    /// <summary>Forgets this session's SendPilot connection.</summary>
    /// <remarks>The HTTP connection is closed. If $env:SENDPILOT_API_KEY is set, cmdlets still use it afterwards.</remarks>
    /// <example>
    /// <code>Disconnect-SpAccount</code>
    /// <para>Ends the session's connection.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Disconnect, "SpAccount", HelpUri = HelpLinks.Connecting)]
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
