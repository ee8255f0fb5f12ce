using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using SendPilot.Client.Models;

namespace SendPilot.Client.Outreach
{
    /// <summary>
    /// Chooses the sender for each send or connect of one command. Explicit senders are used in the
    /// order given. Otherwise the active senders are ranked by what their daily quota for the action
    /// has left (most first, counted down locally as items go out); senders whose quota is unknown
    /// take turns after those. A daily-limit 429 marks a sender spent for the rest of the command and
    /// the item moves on to the next sender; when none is left, items fail without a request.
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
                if (remaining <= 0) candidate.SpentReason = $"its daily {Noun(action)} quota shows 0 remaining";
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

        /// <summary>The sender hit its daily limit: not used again in this command.</summary>
        public void MarkSpent(string senderId, string reason)
        {
            Candidate? candidate = Find(senderId);
            if (candidate != null) candidate.SpentReason = reason;
        }

        /// <summary>
        /// Runs one item: chooses a sender, calls <paramref name="attempt"/>, and on a daily-limit 429
        /// marks that sender spent and tries the next. Any other failure is the item's. Throws
        /// <see cref="SendersSpentException"/> without calling <paramref name="attempt"/> when no sender is left.
        /// </summary>
        public async Task<T> DeliverAsync<T>(Func<string, Task<T>> attempt, Action<string>? log = null)
        {
            while (true)
            {
                string senderId = Choose() ?? throw new SendersSpentException(Action, Spent);
                try
                {
                    T result = await attempt(senderId).ConfigureAwait(false);
                    RecordSent(senderId);
                    return result;
                }
                catch (SendPilotApiException limit) when (limit.IsDailyLimit)
                {
                    MarkSpent(senderId, limit.ApiMessage ?? limit.Message);
                    log?.Invoke($"Sender {senderId} reached its daily {Noun(Action)} limit ({limit.ApiMessage}); it is not used again in this command.");
                }
                catch (SendPilotApiException unusable) when (IsSenderUnusable(unusable))
                {
                    MarkSpent(senderId, unusable.ApiMessage ?? unusable.Message);
                    log?.Invoke($"Sender {senderId} cannot send ({unusable.ApiMessage}); it is not used again in this command.");
                }
            }
        }

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
            public Sender? Sender { get; set; }
        }
    }

    /// <summary>Every sender of the command has reached its daily limit; the item was not sent.</summary>
    public sealed class SendersSpentException : Exception
    {
        public SendersSpentException(OutreachAction action, IReadOnlyDictionary<string, string> spent)
            : base(Describe(action, spent))
        {
            Action = action;
            SpentSenders = spent;
        }

        public OutreachAction Action { get; }
        public IReadOnlyDictionary<string, string> SpentSenders { get; }

        private static string Describe(OutreachAction action, IReadOnlyDictionary<string, string> spent)
        {
            string noun = SenderPool.Noun(action);
            string who = spent.Count == 0
                ? "There is no active sender account (see Get-SpSender)"
                : "No sender of this command can send another " + noun + " today (" + string.Join("; ", spent.Select(s => s.Key + ": " + s.Value)) + ")";
            return who + ", so this item was not sent and no request was made for it. Daily limits reset at the time Get-SpSenderQuota shows; send the rest then, or with another sender (-SenderId).";
        }
    }
}
