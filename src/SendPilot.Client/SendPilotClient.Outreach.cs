using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SendPilot.Client.Http;
using SendPilot.Client.Json;
using SendPilot.Client.Models;
using SendPilot.Client.Outreach;
using SendPilot.Client.Paging;

namespace SendPilot.Client
{
    /// <summary>Senders, quotas, credits, the inbox, and sending: messages and connection requests.</summary>
    public sealed partial class SendPilotClient
    {
        /// <summary>The inbox lists have answered 500 for a limit of 50 and above in production.</summary>
        public const int InboxPageSize = 20;

        public async Task<IReadOnlyList<Sender>> ListSendersAsync(CancellationToken cancellationToken = default)
        {
            JsonElement body = await GetListJsonAsync(new ApiRequest(HttpMethod.Get, "/inbox/senders"), cancellationToken).ConfigureAwait(false);
            return ApiPage.Parse(body).Items.Where(i => i.ValueKind == JsonValueKind.Object).Select(JsonRead.Deserialize<Sender>).ToList();
        }

        public async Task<IReadOnlyList<SenderQuota>> GetSenderQuotasAsync(CancellationToken cancellationToken = default) =>
            QuotaReader.Parse(await GetJsonAsync(new ApiRequest(HttpMethod.Get, "/senders/quotas"), cancellationToken).ConfigureAwait(false));

        public async Task<CreditBalance> GetCreditsAsync(CancellationToken cancellationToken = default)
        {
            JsonElement body = Unwrap(await GetJsonAsync(new ApiRequest(HttpMethod.Get, "/credits"), cancellationToken).ConfigureAwait(false));
            bool old = JsonRead.TryGet(body, "globalCredits", out JsonElement global) && global.ValueKind == JsonValueKind.Object;
            CreditBalance credits = JsonRead.Deserialize<CreditBalance>(old ? global : body);
            if (JsonRead.TryGet(body, "leadDatabase", out JsonElement leadDatabase) && leadDatabase.ValueKind == JsonValueKind.Object)
            {
                credits.LeadDatabaseAvailable = JsonRead.Number(leadDatabase, "available", "remaining");
                credits.LeadDatabaseUsed = JsonRead.Number(leadDatabase, "used");
                credits.LeadDatabaseLimit = JsonRead.Number(leadDatabase, "limit", "total");
            }
            return credits;
        }

        /// <summary>Conversations, newest activity first, of one sender account (or all when null).</summary>
        public PagedList<Conversation> ListConversations(string? senderId, int pageSize = InboxPageSize)
        {
            var filters = new List<KeyValuePair<string, string>>();
            if (!string.IsNullOrWhiteSpace(senderId)) filters.Add(new KeyValuePair<string, string>("accountId", senderId!.Trim()));
            return ReadContinuationPages("/inbox/conversations", filters, pageSize, JsonRead.Deserialize<Conversation>);
        }

        /// <summary>The messages of one conversation of a sender account, newest first.</summary>
        public PagedList<InboxMessage> ListMessages(string conversationId, string senderId, int pageSize = InboxPageSize)
        {
            var filters = new[] { new KeyValuePair<string, string>("accountId", senderId.Trim()) };
            return ReadContinuationPages($"/inbox/conversations/{PathSegment(conversationId)}/messages", filters, pageSize,
                JsonRead.Deserialize<InboxMessage>);
        }

        /// <summary>
        /// The sender pool for a command: the given senders in order, or the active senders ranked by
        /// their remaining daily quota for <paramref name="action"/>. Quotas that cannot be read leave
        /// the senders taking turns (reported through <paramref name="note"/>).
        /// </summary>
        public async Task<SenderPool> CreateSenderPoolAsync(OutreachAction action, IReadOnlyList<string>? senderIds,
            Action<string>? note = null, CancellationToken cancellationToken = default)
        {
            if (senderIds != null && senderIds.Count > 0) return SenderPool.Explicit(senderIds, action);

            IReadOnlyList<Sender> senders = await ListSendersAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyList<SenderQuota>? quotas = null;
            if (senders.Any(s => s.IsActive))
            {
                try
                {
                    quotas = await GetSenderQuotasAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (SendPilotApiException unknown)
                {
                    note?.Invoke($"Sender quotas are unknown ({unknown.Message}); the active senders take turns.");
                }
            }
            SenderPool pool = SenderPool.FromSenders(senders, quotas, action);
            note?.Invoke(pool.SenderIds.Count == 0
                ? "No active sender account."
                : "Senders for this command: " + string.Join(", ", pool.SenderIds) + ".");
            return pool;
        }

        /// <summary>
        /// Sends one message from one sender: <c>POST /inbox/send/lead/{leadId}</c> when
        /// <paramref name="byLead"/> (the API fills {{firstName}}/{{lastName}}), else <c>POST /inbox/send</c>
        /// to a profile URL. Never repeated once it may have reached SendPilot.
        /// </summary>
        public async Task<MessageReceipt> SendMessageAsync(string senderId, string message, bool byLead, string? leadId,
            string? recipientLinkedinUrl, string? campaignId, CancellationToken cancellationToken = default)
        {
            var body = new Dictionary<string, object> { ["senderId"] = senderId };
            string path;
            if (byLead)
            {
                path = "/inbox/send/lead/" + PathSegment(leadId ?? throw new ArgumentNullException(nameof(leadId)));
            }
            else
            {
                path = "/inbox/send";
                body["recipientLinkedinUrl"] = recipientLinkedinUrl ?? throw new ArgumentNullException(nameof(recipientLinkedinUrl));
                if (!string.IsNullOrWhiteSpace(leadId)) body["leadId"] = leadId!.Trim();
            }
            body["message"] = message;
            if (!string.IsNullOrWhiteSpace(campaignId)) body["campaignId"] = campaignId!.Trim();

            var request = new ApiRequest(HttpMethod.Post, path) { Delivery = DeliveryMode.AtMostOnce }.WithBody(body);
            MessageReceipt receipt = await GetActionResultAsync<MessageReceipt>(request, cancellationToken).ConfigureAwait(false);
            receipt.SenderId ??= senderId;
            receipt.LeadId ??= string.IsNullOrWhiteSpace(leadId) ? null : leadId;
            receipt.RecipientLinkedinUrl ??= recipientLinkedinUrl;
            return receipt;
        }

        /// <summary>Sends one connection request (with an optional note). Never repeated once it may have reached SendPilot.</summary>
        public async Task<ConnectionReceipt> RequestConnectionAsync(string senderId, string recipientLinkedinUrl, string? note,
            CancellationToken cancellationToken = default)
        {
            var body = new Dictionary<string, object> { ["senderId"] = senderId, ["recipientLinkedinUrl"] = recipientLinkedinUrl };
            if (!string.IsNullOrEmpty(note)) body["message"] = note!;
            var request = new ApiRequest(HttpMethod.Post, "/inbox/connect") { Delivery = DeliveryMode.AtMostOnce }.WithBody(body);
            ConnectionReceipt receipt = await GetActionResultAsync<ConnectionReceipt>(request, cancellationToken).ConfigureAwait(false);
            receipt.SenderId ??= senderId;
            receipt.RecipientLinkedinUrl ??= recipientLinkedinUrl;
            return receipt;
        }
    }
}
