using System.Management.Automation;
using SendPilot.Client.Ledger;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Outreach
{
    /// <summary>Shared by Get-SpSendLog and Set-SpSendLog: the send log of the current connection's workspace.</summary>
    public abstract class SendLogCommand : SendPilotCmdlet
    {
        private SendLedger? _ledger;

        /// <summary>The log; a terminating error when the connection keeps none (Connect-SpAccount -NoLedger).</summary>
        protected SendLedger Ledger => _ledger ??= Await(SendLogSettings.OpenAsync(ResolveConnection(), Client, CancelToken))
            ?? throw new TerminatingCmdletError(ErrorRecords.Invalid(
                "This connection keeps no send log (it was made with Connect-SpAccount -NoLedger). Connect again without -NoLedger to record and read sends.",
                "SendPilot.NoSendLog", null));

        /// <summary>Runs a send log read or write, turning a locked or unreadable log into one clear terminating error.</summary>
        protected T WithLedger<T>(System.Func<SendLedger, T> action)
        {
            try
            {
                return action(Ledger);
            }
            catch (System.IO.IOException failure)
            {
                throw new TerminatingCmdletError(SendLogSettings.Unavailable(failure, Ledger.FilePath, null));
            }
        }
    }
}
