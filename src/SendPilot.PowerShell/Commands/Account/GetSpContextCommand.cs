using System.Management.Automation;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Account
{
    /// <summary>Shows what this session is connected to: base URI, workspace, scopes and the key's last four characters.</summary>
    /// <remarks>With no Connect-SpAccount, shows the connection that $env:SENDPILOT_API_KEY gives. With neither, writes a warning and nothing else.</remarks>
    /// <example>
    /// <code>Get-SpContext</code>
    /// <para>Shows the base URI, workspace, plan, the key as "…abcd", where it came from, its scopes and any missing scopes.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SpContext", HelpUri = HelpLinks.Connecting)]
    [OutputType(typeof(SpContext))]
    public sealed class GetSpContextCommand : SendPilotCmdlet
    {
        protected override void ProcessItem()
        {
            SessionConnection? session = ConnectionStore.CurrentOrEnvironment();
            if (session == null)
            {
                WriteWarning("Not connected. Run Connect-SpAccount, or set $env:SENDPILOT_API_KEY.");
                return;
            }
            WriteObject(session.ToContext());
        }
    }
}
