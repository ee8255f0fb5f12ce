using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace SendPilot.Client.Ledger
{
    /// <summary>
    /// Which workspace's send log a connection writes to: the workspace GET /me names (asked once per
    /// connection when the caller does not know it), else — where /me does not exist — one derived from the key,
    /// so a scheduled script and an interactive session with the same key share one log.
    /// </summary>
    public static class LedgerWorkspace
    {
        private static readonly ConditionalWeakTable<SendPilotConnection, string> Known = new ConditionalWeakTable<SendPilotConnection, string>();

        public static async Task<string> ResolveAsync(SendPilotClient client, string? knownWorkspaceId, CancellationToken cancellationToken)
        {
            if (!string.IsNullOrWhiteSpace(knownWorkspaceId)) return knownWorkspaceId!.Trim();
            if (Known.TryGetValue(client.Connection, out string? cached)) return cached;
            string workspace;
            try
            {
                workspace = (await client.GetAccountAsync(cancellationToken).ConfigureAwait(false)).WorkspaceId ?? KeyDerived(client.Connection);
            }
            catch (SendPilotApiException notFound) when (notFound.Kind == ApiErrorKind.NotFound)
            {
                workspace = KeyDerived(client.Connection);
            }
            lock (Known)
            {
                Known.Remove(client.Connection);
                Known.Add(client.Connection, workspace);
            }
            return workspace;
        }

        /// <summary>Opens the send log of the connection's workspace in <paramref name="folder"/>.</summary>
        public static async Task<SendLedger> OpenAsync(SendPilotClient client, string folder, string? knownWorkspaceId, CancellationToken cancellationToken) =>
            new SendLedger(folder, await ResolveAsync(client, knownWorkspaceId, cancellationToken).ConfigureAwait(false));

        private static string KeyDerived(SendPilotConnection connection) =>
            "key-" + LedgerItem.HashOf(connection.BaseUri.Host + "\n" + connection.ApiKey).Substring(0, 12);
    }
}
