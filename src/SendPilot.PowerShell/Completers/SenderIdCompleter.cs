using System.Collections.Generic;
using System.Linq;
using System.Threading;
using SendPilot.Client;

namespace SendPilot.PowerShell.Completers
{
    /// <summary>Completes -SenderId with the workspace's LinkedIn sender accounts, showing name and status.</summary>
    public sealed class SenderIdCompleter : LiveCompleter
    {
        protected override IReadOnlyList<CompletionCandidate> Fetch(SendPilotClient client, CancellationToken cancellationToken) =>
            client.ListSendersAsync(cancellationToken).GetAwaiter().GetResult()
                .Select(s => new CompletionCandidate(s.Id, s.Name ?? "", $"{s.Name} ({s.Status})"))
                .ToList();
    }
}
