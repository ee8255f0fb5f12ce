using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SendPilot.Client.Ledger;
using SendPilot.Client.Models;

namespace SendPilot.Client.Outreach
{
    /// <summary>
    /// Delivers the messages or connection requests of one command, each at most once: chooses the sender
    /// (rotation and daily limits through <see cref="SenderPool"/>), consults and writes the send log (the
    /// intent is on disk before the request leaves), never repeats a request that may have reached SendPilot,
    /// and says how each item ended as a <see cref="DeliveryOutcome"/>. 401 and 403 end the command (thrown).
    /// One pipeline thread; not thread-safe.
    /// </summary>
    public sealed class OutreachDelivery
    {
        private readonly SendPilotClient _client;
        private readonly IReadOnlyList<string>? _senderIds;
        private readonly Action<string>? _log;
        private SenderPool? _pool;
        private IReadOnlyList<Sender>? _senders;
        private IReadOnlyList<SenderQuota>? _quotas;

        /// <param name="senderIds">The senders to use in order, or null for the active senders ranked by quota.</param>
        /// <param name="ledger">The send log, or null to keep none.</param>
        public OutreachDelivery(SendPilotClient client, OutreachAction action, IReadOnlyList<string>? senderIds, SendLedger? ledger,
            Action<string>? log = null)
        {
            _client = client;
            Action = action;
            _senderIds = senderIds != null && senderIds.Count > 0 ? senderIds : null;
            Ledger = ledger;
            _log = log;
        }

        public OutreachAction Action { get; }
        public SendLedger? Ledger { get; }

        /// <summary>Delivers one item (see <see cref="DeliveryStatus"/> for the outcomes).</summary>
        public async Task<DeliveryOutcome> DeliverAsync(OutreachItem item, CancellationToken cancellationToken = default)
        {
            SenderPool pool = await PoolAsync(cancellationToken).ConfigureAwait(false);
            LedgerItem logItem = item.ToLedgerItem(DateTimeOffset.UtcNow);
            bool requestMade = false;
            string? lastSender = null;
            while (true)
            {
                string? sender = pool.Peek();
                if (sender == null) return await NoSenderLeftAsync(pool, requestMade, lastSender, cancellationToken).ConfigureAwait(false);

                string? entry = null;
                if (Ledger != null)
                {
                    var (blocking, intent) = Ledger.Claim(logItem, sender, item.Force);
                    if (blocking != null) return DeliveryOutcome.AlreadySent(blocking);
                    entry = intent;
                }
                pool.Choose();
                requestMade = true;
                lastSender = sender;

                DeliveryOutcome? outcome = await AttemptAsync(pool, item, sender, entry, cancellationToken).ConfigureAwait(false);
                if (outcome != null) return outcome;
            }
        }

        /// <summary>What <see cref="DeliverAsync"/> would do now, without a request or a send log entry.</summary>
        public async Task<DeliveryPreview> PreviewAsync(OutreachItem item, CancellationToken cancellationToken = default)
        {
            SenderPool pool = await PoolAsync(cancellationToken).ConfigureAwait(false);
            SendLogEntry? previous = Ledger == null || item.Force ? null : Ledger.PeekBlocking(item.ToLedgerItem(DateTimeOffset.UtcNow));
            return new DeliveryPreview(pool.Peek(), previous);
        }

        /// <summary>A previewed item that is not sent (-WhatIf, or "no" at a prompt) still takes its sender's turn, so a preview spreads like a run.</summary>
        public void Pass(DeliveryPreview preview)
        {
            if (preview.Previous != null || _pool == null) return;
            string? sender = _pool.Choose();
            if (sender != null) _pool.RecordSent(sender);
        }

        /// <summary>What the sender list said about LinkedIn Premium; null when unknown (senders given by id).</summary>
        public bool? IsPremium(string senderId) => _pool?.IsPremium(senderId);

        /// <summary>One request from one sender; null when the sender is spent and the item moves on to the next.</summary>
        private async Task<DeliveryOutcome?> AttemptAsync(SenderPool pool, OutreachItem item, string sender, string? entry, CancellationToken cancellationToken)
        {
            DeliveryReceipt receipt;
            try
            {
                receipt = await SendAsync(item, sender, cancellationToken).ConfigureAwait(false);
            }
            catch (SendPilotApiException failure)
            {
                return Settle(pool, failure, sender, entry);
            }
            // A cancellation (Ctrl+C) while the request is out leaves the intent as it is: unknown.
            Record(entry, SendLogStatus.Sent, ReceiptIdOf(receipt), null);
            pool.RecordSent(sender);
            return DeliveryOutcome.Sent(receipt, sender, entry);
        }

        private DeliveryOutcome? Settle(SenderPool pool, SendPilotApiException failure, string sender, string? entry)
        {
            if (DeliveryClassifier.UnknownCauseOf(failure) is UnknownCause cause)
            {
                Record(entry, SendLogStatus.Unknown, null, failure.Message);
                return DeliveryOutcome.Unknown(failure, cause, sender, entry);
            }
            Record(entry, SendLogStatus.Refused, null, failure.ApiMessage ?? failure.Message);
            if (DeliveryClassifier.EndsTheCommand(failure)) throw failure;
            if (failure.IsDailyLimit)
            {
                pool.MarkSpent(sender, failure.ApiMessage ?? failure.Message, dailyLimit: true);
                _log?.Invoke($"Sender {sender} reached its daily {SenderPool.Noun(Action)} limit ({failure.ApiMessage}); it is not used again in this command.");
                return null;
            }
            if (SenderPool.IsSenderUnusable(failure))
            {
                pool.MarkSpent(sender, failure.ApiMessage ?? failure.Message, dailyLimit: false);
                _log?.Invoke($"Sender {sender} cannot send ({failure.ApiMessage}); it is not used again in this command.");
                return null;
            }
            return DeliveryOutcome.Refused(failure, sender, entry);
        }

        private Task<DeliveryReceipt> SendAsync(OutreachItem item, string sender, CancellationToken cancellationToken) =>
            Action == OutreachAction.Message
                ? Upcast(_client.SendMessageAsync(sender, item.Text ?? "", item.ByLead, item.LeadId, item.RecipientLinkedinUrl, item.CampaignId, cancellationToken))
                : Upcast(_client.RequestConnectionAsync(sender, item.RecipientLinkedinUrl ?? "", item.Text, cancellationToken));

        private static async Task<DeliveryReceipt> Upcast<T>(Task<T> task) where T : DeliveryReceipt => await task.ConfigureAwait(false);

        private static string? ReceiptIdOf(DeliveryReceipt receipt) => receipt switch
        {
            MessageReceipt m => m.MessageId,
            ConnectionReceipt c => c.RequestId ?? c.Status,
            _ => null,
        };

        private void Record(string? entry, string status, string? receiptId, string? reason)
        {
            if (entry != null) Ledger!.RecordOutcome(entry, status, receiptId, reason);
        }

        private async Task<DeliveryOutcome> NoSenderLeftAsync(SenderPool pool, bool requestMade, string? lastSender, CancellationToken cancellationToken)
        {
            var spent = pool.Spent.Select(s => (s.Key, s.Value, Limit: pool.IsSpentByDailyLimit(s.Key))).ToList();
            IReadOnlyList<SenderQuota>? quotas = spent.Any(s => s.Limit) ? await QuotasAsync(cancellationToken).ConfigureAwait(false) : null;
            IReadOnlyList<string>? available = spent.Any(s => !s.Limit) || pool.SenderIds.Count == 0
                ? (await SendersAsync(cancellationToken).ConfigureAwait(false))?.Where(s => s.IsActive).Select(s => s.Id).ToList()
                : null;
            var described = spent.Select(s => new SpentSender(s.Key, s.Value, s.Limit,
                quotas?.FirstOrDefault(q => q.SenderId == s.Key)?.ResetsAt)).ToList();
            return DeliveryOutcome.NoSenderLeft(described, available, requestMade, lastSender);
        }

        /// <summary>The sender pool, read on first use (so items that fail validation cost no request).</summary>
        private async Task<SenderPool> PoolAsync(CancellationToken cancellationToken)
        {
            if (_pool != null) return _pool;
            if (_senderIds != null) return _pool = SenderPool.Explicit(_senderIds, Action);

            IReadOnlyList<Sender> senders = await _client.ListSendersAsync(cancellationToken).ConfigureAwait(false);
            _senders = senders;
            if (senders.Any(s => s.IsActive))
            {
                try
                {
                    _quotas = await _client.GetSenderQuotasAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (SendPilotApiException unknown)
                {
                    _quotas = new SenderQuota[0];
                    _log?.Invoke($"Sender quotas are unknown ({unknown.Message}); the active senders take turns.");
                }
            }
            _pool = SenderPool.FromSenders(senders, _quotas, Action);
            _log?.Invoke(_pool.SenderIds.Count == 0
                ? "No active sender account."
                : "Senders for this command: " + string.Join(", ", _pool.SenderIds) + ".");
            return _pool;
        }

        /// <summary>The quotas (for when a daily limit resets), read at most once; null when they cannot be read.</summary>
        private async Task<IReadOnlyList<SenderQuota>?> QuotasAsync(CancellationToken cancellationToken)
        {
            if (_quotas != null) return _quotas;
            try
            {
                return _quotas = await _client.GetSenderQuotasAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SendPilotApiException)
            {
                return _quotas = new SenderQuota[0];
            }
        }

        /// <summary>The account's senders (to name the usable ones), read at most once; null when they cannot be read.</summary>
        private async Task<IReadOnlyList<Sender>?> SendersAsync(CancellationToken cancellationToken)
        {
            if (_senders != null) return _senders;
            try
            {
                return _senders = await _client.ListSendersAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SendPilotApiException)
            {
                return _senders = new Sender[0];
            }
        }
    }
}
