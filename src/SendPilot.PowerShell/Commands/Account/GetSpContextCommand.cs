using System.Management.Automation;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Account
{
    /// <summary>Returns this session's default SendPilot connection: base URI, workspace, scopes, proxy and the key's last four characters.</summary>
    /// <remarks>The object returned is the connection itself: pass it to any cmdlet's -Connection. With no Connect-SpAccount, returns the
    /// connection that $env:SENDPILOT_PROFILE or $env:SENDPILOT_API_KEY gives. With neither, writes a warning and nothing else.</remarks>
    /// <example>
    /// <code>Get-SpContext</code>
    /// <para>Shows the workspace, base URI, the key as "…abcd", where it came from, and the proxy; Format-List * shows scopes and missing scopes.</para>
    /// </example>
    /// <example>
    /// <code>$PSDefaultParameterValues['*-Sp*:Connection'] = Get-SpContext</code>
    /// <para>Pins the current connection for every SendPilot cmdlet, even after another Connect-SpAccount changes the default.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SpContext", HelpUri = HelpLinks.Connecting)]
    [OutputType(typeof(SpContext))]
    public sealed class GetSpContextCommand : SendPilotCancellableCmdlet
    {
        protected override void ProcessItem()
        {
            SessionConnection? session = ConnectionStore.CurrentOrEnvironment(SessionState);
            if (session == null)
            {
                WriteWarning("Not connected. Run Connect-SpAccount, or set $env:SENDPILOT_API_KEY or $env:SENDPILOT_PROFILE.");
                return;
            }
            WriteObject(session.HandOut());
        }
    }
}
