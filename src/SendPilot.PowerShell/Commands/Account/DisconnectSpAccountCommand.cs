using System.Management.Automation;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Account
{
    /// <summary>Ends a SendPilot connection: the session's default, or the one given.</summary>
    /// <remarks>The HTTP connection is closed. If $env:SENDPILOT_API_KEY or $env:SENDPILOT_PROFILE is set, cmdlets still use it afterwards.
    /// A connection object ended here can no longer be used with -Connection.</remarks>
    /// <example>
    /// <code>Disconnect-SpAccount</code>
    /// <para>Ends the session's default connection.</para>
    /// </example>
    /// <example>
    /// <code>$globex | Disconnect-SpAccount</code>
    /// <para>Ends a connection made with Connect-SpAccount -PassThru -NotDefault.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Disconnect, "SpAccount", HelpUri = HelpLinks.Connecting)]
    [OutputType(typeof(void))]
    public sealed class DisconnectSpAccountCommand : SendPilotCancellableCmdlet
    {
        /// <summary>The connection to end (from Connect-SpAccount -PassThru or Get-SpContext); default the session's default connection. Binds from the pipeline.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        public SpContext? Connection { get; set; }

        protected override void ProcessItem()
        {
            if (Connection != null) EndGiven(Connection.Session);
            else if (ConnectionStore.RemoveDefault(SessionState)) WriteVerbose("Disconnected from SendPilot.");
            else WriteVerbose("This session was not connected.");
        }

        private void EndGiven(SessionConnection session)
        {
            if (ReferenceEquals(ConnectionStore.Current(SessionState), session)) ConnectionStore.RemoveDefault(SessionState);
            session.Close();
            WriteVerbose($"Disconnected from {session.WorkspaceLabel}.");
        }
    }
}
