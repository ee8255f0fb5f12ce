using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using System.Management.Automation;
using SendPilot.Client;
using SendPilot.Client.Ledger;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Outreach
{
    /// <summary>
    /// The send log setting of each connection (Connect-SpAccount -LedgerPath / -NoLedger). A connection
    /// without one — including those built from $env:SENDPILOT_API_KEY — uses the default folder.
    /// </summary>
    internal static class SendLogSettings
    {
        private sealed class Setting
        {
            public string? Folder;
            public bool Disabled;
        }

        private static readonly ConditionalWeakTable<SendPilotConnection, Setting> ByConnection = new ConditionalWeakTable<SendPilotConnection, Setting>();

        public static void Set(SendPilotConnection connection, string? folder, bool disabled)
        {
            lock (ByConnection)
            {
                ByConnection.Remove(connection);
                ByConnection.Add(connection, new Setting { Folder = folder, Disabled = disabled });
            }
        }

        /// <summary>The folder of the connection's send log, or null when it keeps none.</summary>
        public static string? FolderFor(SendPilotConnection connection)
        {
            if (!ByConnection.TryGetValue(connection, out Setting? setting)) return LedgerLocation.DefaultFolder();
            return setting.Disabled ? null : setting.Folder ?? LedgerLocation.DefaultFolder();
        }

        /// <summary>The send log of the session's connection, or null when it keeps none.</summary>
        public static async Task<SendLedger?> OpenAsync(SessionConnection session, SendPilotClient client, CancellationToken cancellationToken)
        {
            string? folder = FolderFor(session.Connection);
            if (folder == null) return null;
            return await LedgerWorkspace.OpenAsync(client, folder, session.Account?.WorkspaceId, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The terminating error for a send log that is locked past the wait or cannot be written: nothing can be sent
        /// safely without it, so the command stops (<paramref name="item"/> names the item that was not sent).
        /// </summary>
        public static ErrorRecord Unavailable(System.IO.IOException failure, string path, string? item)
        {
            string notSent = item == null ? "" : $" Nothing was sent to {item} or the items after it.";
            if (failure is SendLedgerException locked)
                return ErrorRecords.Described(locked, "SendPilot.SendLogLocked", ErrorCategory.ResourceBusy, path, locked.Message + notSent,
                    "Wait for the other SendPilot command to finish, then run this again; what was sent is skipped.");
            return ErrorRecords.Described(failure, "SendPilot.SendLogUnavailable", ErrorCategory.WriteError, path,
                $"The send log {path} cannot be read or written ({failure.Message}).{notSent}",
                "Check the folder's permissions and free space, or connect with another -LedgerPath (Connect-SpAccount).");
        }
    }
}
