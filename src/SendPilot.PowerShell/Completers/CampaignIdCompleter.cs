using System.Collections.Generic;
using System.Linq;
using System.Threading;
using SendPilot.Client;

namespace SendPilot.PowerShell.Completers
{
    /// <summary>Completes -CampaignId with the workspace's campaigns, showing names as tooltips.</summary>
    public sealed class CampaignIdCompleter : LiveCompleter
    {
        protected override IReadOnlyList<CompletionCandidate> Fetch(SendPilotClient client, CancellationToken cancellationToken)
        {
            using var campaigns = client.ListCampaigns("all");
            var page = campaigns.NextAsync(cancellationToken).GetAwaiter().GetResult();
            return (page ?? new List<Client.Models.Campaign>())
                .Select(c => new CompletionCandidate(c.Id, c.Name ?? "", $"{c.Name} ({c.Status})"))
                .ToList();
        }
    }
}
