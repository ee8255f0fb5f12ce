using System.Management.Automation;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Completers;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Outreach
{
    /// <summary>Lists inbox conversations, newest activity first, streamed page by page.</summary>
    /// <remarks>
    /// <para>Reads GET /inbox/conversations with continuation paging, 20 per request (the API has answered 500 for 50 and
    /// above). Conversations are written as each page arrives; -First stops reading once it has enough, and -Skip passes
    /// over the first ones. The total is not known in advance, so -IncludeTotalCount reports it as unknown.</para>
    /// <para>Conversations pipe into Get-SpMessage.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-SpConversation -SenderId sender_ann -First 10</code>
    /// <para>sender_ann's ten most recently active conversations (one request).</para>
    /// </example>
    /// <example>
    /// <code>Get-SpConversation -SenderId sender_ann | Where-Object UnreadCount -gt 0 | Get-SpMessage -First 1</code>
    /// <para>The latest message of every conversation with unread messages.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SpConversation", SupportsPaging = true, HelpUri = HelpLinks.Inbox)]
    [OutputType(typeof(Conversation))]
    public sealed class GetSpConversationCommand : SendPilotCmdlet
    {
        /// <summary>The sender account whose conversations to list (the API's accountId). Binds from the SenderId property of piped senders. Default: all accounts.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("AccountId")]
        [SenderIdCompletion]
        public string? SenderId { get; set; }

        protected override void ProcessItem()
        {
            foreach (Conversation conversation in StreamPaged(Client.ListConversations(SenderId)))
                WriteModel(conversation);
        }
    }
}
