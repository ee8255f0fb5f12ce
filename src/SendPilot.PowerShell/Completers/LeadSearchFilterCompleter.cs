using System.Collections.Generic;
using System.Linq;
using System.Threading;
using SendPilot.Client;
using SendPilot.Client.Models;
using SendPilot.Client.Paging;

namespace SendPilot.PowerShell.Completers
{
    /// <summary>Completes lead-database filter names from the live catalog, with their descriptions as tooltips.</summary>
    public sealed class LeadSearchFilterCompleter : LiveCompleter
    {
        protected override IReadOnlyList<CompletionCandidate> Fetch(SendPilotClient client, CancellationToken cancellationToken)
        {
            var filters = new List<LeadSearchFilter>();
            using PagedList<LeadSearchFilter> pages = client.ListLeadSearchFilters();
            IReadOnlyList<LeadSearchFilter>? page;
            while ((page = pages.NextAsync(cancellationToken).GetAwaiter().GetResult()) != null) filters.AddRange(page);
            return filters.Select(f => new CompletionCandidate(f.Name, f.Description ?? "", string.IsNullOrEmpty(f.Description) ? f.Name : $"{f.Name}: {f.Description}")).ToList();
        }
    }
}
