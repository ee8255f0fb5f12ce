using System.Collections.Generic;
using System.Linq;
using System.Threading;
using SendPilot.Client;

namespace SendPilot.PowerShell.Completers
{
    /// <summary>Completes -ConversationId with the most recent conversations (one page), showing who they are with.</summary>
    public sealed class ConversationIdCompleter : LiveCompleter
    {
        protected override IReadOnlyList<CompletionCandidate> Fetch(SendPilotClient client, CancellationToken cancellationToken)
        {
            using var conversations = client.ListConversations(null);
            var page = conversations.NextAsync(cancellationToken).GetAwaiter().GetResult();
            return (page ?? new List<Client.Models.Conversation>())
                .Select(c => new CompletionCandidate(c.Id, c.ParticipantName ?? "", $"{c.ParticipantName}: {c.LastMessagePreview}"))
                .ToList();
        }
    }
}
