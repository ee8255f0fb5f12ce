using System;
using System.Collections.Generic;
using System.Linq;
using SendPilot.Client.Models;

namespace SendPilot.Client.Outreach
{
    /// <summary>
    /// Chooses the sender for each send or connect of one command. Explicit senders are used in the
    /// order given. Otherwise the active senders are ranked by what their daily quota for the action
    /// has left (most first, counted down locally as items go out); senders whose quota is unknown
    /// take turns after those. A sender marked spent (daily limit, or refused by the API) is not chosen
    /// again in the command. The delivery service drives it (<see cref="OutreachDelivery"/>).
    /// Not thread-safe: one command, one pipeline thread.
    /// </summary>
    public sealed class SenderPool
    {
        private readonly List<Candidate> _candidates;
        private readonly bool _rankByQuota;
        private int _turn;

        private SenderPool(List<Candidate> candidates, bool rankByQuota, OutreachAction action)
        {
            _candidates = candidates;
            _rankByQuota = rankByQuota;
            Action = action;
        }

        public OutreachAction Action { get; }

        /// <summary>Every sender the pool may use, in its own order.</summary>
        public IReadOnlyList<string> SenderIds => _candidates.Select(c => c.Id).ToList();

        /// <summary>Senders whose daily limit is spent, with why.</summary>
        public IReadOnlyDictionary<string, string> Spent =>
            _candidates.Where(c => c.SpentReason != null).ToDictionary(c => c.Id, c => c.SpentReason!);

        public bool AllSpent => _candidates.All(c => c.SpentReason != null);

        /// <summary>The senders given by the user, in that order; no quota lookup.</summary>
        public static SenderPool Explicit(IEnumerable<string> senderIds, OutreachAction action)
        {
            var candidates = senderIds.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim())
                .Distinct(StringComparer.Ordinal).Select(id => new Candidate(id, null)).ToList();
            if (candidates.Count == 0) throw new ArgumentException("At least one sender id is needed.", nameof(senderIds));
            return new SenderPool(candidates, rankByQuota: false, action);
        }

        /// <summary>
        /// The active senders, ranked by quota when <paramref name="quotas"/> knows theirs. A sender
        /// whose quota shows nothing left starts out spent.
        /// </summary>
        public static SenderPool FromSenders(IEnumerable<Sender> senders, IEnumerable<SenderQuota>? quotas, OutreachAction action)
        {
            var byId = (quotas ?? Enumerable.Empty<SenderQuota>())
                .GroupBy(q => q.SenderId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var candidates = new List<Candidate>();
            foreach (Sender sender in senders.Where(s => s.IsActive))
            {
                long? remaining = byId.TryGetValue(sender.Id, out SenderQuota? quota) ? quota.RemainingFor(action) : null;
                var candidate = new Candidate(sender.Id, remaining) { Sender = sender };
                if (remaining <= 0)
                {
                    candidate.SpentReason = $"its daily {Noun(action)} quota shows 0 remaining";
                    candidate.SpentByDailyLimit = true;
                }
                candidates.Add(candidate);
            }
            return new SenderPool(candidates, rankByQuota: true, action);
        }

        /// <summary>The sender for the next attempt, or null when every sender is spent.</summary>
        public string? Choose() => Pick(advance: true);

        /// <summary>The sender <see cref="Choose"/> would give now, without taking a turn (for previews).</summary>
        public string? Peek() => Pick(advance: false);

        /// <summary>What the sender list said about LinkedIn Premium; null for senders given by id.</summary>
        public bool? IsPremium(string senderId) => Find(senderId)?.Sender?.IsPremium;

        private string? Pick(bool advance)
        {
            var open = _candidates.Where(c => c.SpentReason == null).ToList();
            if (open.Count == 0) return null;
            if (_rankByQuota)
            {
                // Most known quota left first; then senders whose quota is unknown; last those whose
                // counted-down quota reached 0 (the API has the final word). Ties take turns.
                int tier = open.Min(Tier);
                open = open.Where(c => Tier(c) == tier).ToList();
                if (tier == 0)
                {
                    long best = open.Max(c => c.Remaining!.Value);
                    open = open.Where(c => c.Remaining == best).ToList();
                }
                return open[(advance ? _turn++ : _turn) % open.Count].Id;
            }
            return open[0].Id;
        }

        /// <summary>One item went out from <paramref name="senderId"/>: its known quota goes down by one.</summary>
        public void RecordSent(string senderId)
        {
            Candidate? candidate = Find(senderId);
            if (candidate?.Remaining is long remaining) candidate.Remaining = Math.Max(0, remaining - 1);
        }

        /// <summary>
        /// The sender cannot send again in this command: its daily limit is spent (<paramref name="dailyLimit"/>),
        /// or the API refused the sender itself.
        /// </summary>
        public void MarkSpent(string senderId, string reason, bool dailyLimit = true)
        {
            Candidate? candidate = Find(senderId);
            if (candidate == null) return;
            candidate.SpentReason = reason;
            candidate.SpentByDailyLimit = dailyLimit;
        }

        /// <summary>Whether the sender is spent because of its daily limit (rather than refused by the API).</summary>
        public bool IsSpentByDailyLimit(string senderId) => Find(senderId)?.SpentByDailyLimit == true;

        /// <summary>
        /// The API refused the sender itself ("Sender not found", "Sender account is disconnected"), not
        /// the recipient: nothing was sent, and another sender may send. Matched narrowly on purpose — a
        /// recipient problem must never move the item to another sender.
        /// </summary>
        public static bool IsSenderUnusable(SendPilotApiException failure) =>
            (failure.Kind == ApiErrorKind.InvalidRequest || failure.Kind == ApiErrorKind.NotFound)
            && failure.ApiMessages.Any(m => m.TrimStart().StartsWith("Sender", StringComparison.OrdinalIgnoreCase)
                && (m.IndexOf("not found", StringComparison.OrdinalIgnoreCase) >= 0 || m.IndexOf("disconnected", StringComparison.OrdinalIgnoreCase) >= 0));

        private static int Tier(Candidate c) => c.Remaining == null ? 1 : c.Remaining > 0 ? 0 : 2;

        internal static string Noun(OutreachAction action) => action == OutreachAction.Message ? "message" : "connection";

        private Candidate? Find(string senderId) => _candidates.FirstOrDefault(c => c.Id == senderId);

        private sealed class Candidate
        {
            public Candidate(string id, long? remaining)
            {
                Id = id;
                Remaining = remaining;
            }

            public string Id { get; }
            public long? Remaining { get; set; }
            public string? SpentReason { get; set; }
            public bool SpentByDailyLimit { get; set; }
            public Sender? Sender { get; set; }
        }
    }
}
