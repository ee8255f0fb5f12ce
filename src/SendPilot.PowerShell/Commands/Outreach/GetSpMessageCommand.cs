using System.Management.Automation;
using SendPilot.Client;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Completers;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Outreach
{
    /// <summary>Lists the messages of a conversation, newest first, streamed page by page.</summary>
    /// <remarks>
    /// <para>Reads GET /inbox/conversations/{id}/messages with continuation paging, 20 per request. Conversations from
    /// Get-SpConversation pipe in (their ConversationId and SenderId bind). -First and -Skip apply to each conversation:
    /// Get-SpConversation | Get-SpMessage -First 1 gives the latest message of each. An unknown conversation is a
    /// non-terminating error and the others still come.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-SpMessage -ConversationId 2-OVp-y-UNyFXBYvx0FqmQ -SenderId sender_ann</code>
    /// <para>Every message of one conversation.</para>
    /// </example>
    /// <example>
    /// <code>Get-SpConversation -SenderId sender_ann -First 5 | Get-SpMessage -First 3</code>
    /// <para>The last three messages of the five most recent conversations.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SpMessage", SupportsPaging = true, HelpUri = HelpLinks.Inbox)]
    [OutputType(typeof(InboxMessage))]
    public sealed class GetSpMessageCommand : SendPilotCmdlet
    {
        /// <summary>The conversation to read. Binds from the ConversationId property of piped conversations.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ConversationIdCompletion]
        public string ConversationId { get; set; } = "";

        /// <summary>The sender account the conversation belongs to (the API's accountId; required by the API). Binds from the SenderId or AccountId property of piped objects.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("AccountId")]
        [ValidateNotNullOrEmpty]
        [SenderIdCompletion]
        public string SenderId { get; set; } = "";

        protected override void ProcessItem()
        {
            try
            {
                foreach (InboxMessage message in StreamPaged(Client.ListMessages(ConversationId, SenderId)))
                    WriteModel(message);
            }
            catch (SendPilotApiException notFound) when (notFound.Kind == ApiErrorKind.NotFound)
            {
                WriteApiError(notFound, ConversationId, "SendPilot.ConversationNotFound");
            }
        }
    }
}
