using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using SendPilot.Client.Json;
using SendPilot.Client.Models;
using SendPilot.Client.Paging;

namespace SendPilot.Client.Outreach
{
    /// <summary>
    /// Reads <c>GET /senders/quotas</c>, whose inner names are undocumented: a list of per-sender
    /// entries (or an object keyed by sender id), each with nested
    /// (<c>messages{limit,used,remaining}</c>) or flat (<c>dailyMessageLimit</c>, <c>remainingConnections</c>)
    /// counts. Numbers are classified by name: the action (message / connection, invitation) and the
    /// kind (remaining, left, available / used, sent / limit, max, quota, total).
    /// </summary>
    public static class QuotaReader
    {
        private static readonly string[] IdNames = { "senderId", "accountId", "sender_id", "account_id", "linkedinAccountId", "id" };
        private static readonly string[] NotEntries = { "pagination", "meta", "limits" };

        public static IReadOnlyList<SenderQuota> Parse(JsonElement body)
        {
            var quotas = new List<SenderQuota>();
            foreach (var (key, entry) in Entries(body))
            {
                string? id = SenderIdOf(entry) ?? key;
                if (string.IsNullOrEmpty(id)) continue;
                quotas.Add(Read(id!, entry));
            }
            return quotas;
        }

        private static IEnumerable<(string? Key, JsonElement Entry)> Entries(JsonElement body)
        {
            IReadOnlyList<JsonElement> items = ApiPage.Parse(body).Items;
            if (items.Count > 0) return items.Where(i => i.ValueKind == JsonValueKind.Object).Select(i => ((string?)null, i));
            if (body.ValueKind != JsonValueKind.Object) return Enumerable.Empty<(string?, JsonElement)>();
            if (SenderIdOf(body) != null) return new[] { ((string?)null, body) };
            JsonElement holder = JsonRead.TryGetAny(body, out JsonElement inner, "quotas", "senders", "data") && inner.ValueKind == JsonValueKind.Object
                ? inner : body;
            return holder.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.Object && !NotEntries.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
                .Select(p => ((string?)p.Name, p.Value))
                .ToList();
        }

        private static string? SenderIdOf(JsonElement entry)
        {
            string? id = JsonRead.String(entry, IdNames);
            if (id == null && JsonRead.TryGetAny(entry, out JsonElement sender, "sender", "account") && sender.ValueKind == JsonValueKind.Object)
                id = JsonRead.String(sender, "id", "senderId");
            return id;
        }

        private static SenderQuota Read(string senderId, JsonElement entry)
        {
            var numbers = new List<(string Path, long Value)>();
            var dates = new List<(string Path, DateTimeOffset Value)>();
            Collect(entry, "", 0, numbers, dates);

            var quota = new SenderQuota { SenderId = senderId, RawJson = entry.GetRawText() };
            (quota.MessagesRemaining, quota.MessagesLimit, quota.MessagesUsed) = Counts(numbers, "message");
            (quota.ConnectionsRemaining, quota.ConnectionsLimit, quota.ConnectionsUsed) = Counts(numbers, "connection", "invit");
            quota.ResetsAt = dates.Where(d => d.Path.Contains("reset")).Select(d => (DateTimeOffset?)d.Value).FirstOrDefault();
            return quota;
        }

        private static (long? Remaining, long? Limit, long? Used) Counts(List<(string Path, long Value)> numbers, params string[] stems)
        {
            var mine = numbers.Where(n => stems.Any(n.Path.Contains)).ToList();
            long? remaining = First(mine, "remaining", "left", "available");
            long? used = First(mine.Where(n => !IsRemaining(n.Path)), "used", "sent", "consumed");
            long? limit = First(mine.Where(n => !IsRemaining(n.Path) && !IsUsed(n.Path)), "limit", "max", "quota", "total", "allowed", "daily");
            if (remaining == null && limit != null && used != null) remaining = Math.Max(0, limit.Value - used.Value);
            return (remaining, limit, used);
        }

        private static bool IsRemaining(string path) => path.Contains("remaining") || path.Contains("left") || path.Contains("available");
        private static bool IsUsed(string path) => path.Contains("used") || path.Contains("sent") || path.Contains("consumed");

        private static long? First(IEnumerable<(string Path, long Value)> numbers, params string[] kinds)
        {
            foreach (string kind in kinds)
                foreach (var n in numbers)
                    if (LastSegment(n.Path).Contains(kind) || n.Path.Contains(kind)) return n.Value;
            return null;
        }

        private static string LastSegment(string path) => path.Substring(path.LastIndexOf('.') + 1);

        private static void Collect(JsonElement element, string path, int depth, List<(string, long)> numbers, List<(string, DateTimeOffset)> dates)
        {
            if (element.ValueKind != JsonValueKind.Object || depth > 3) return;
            foreach (JsonProperty property in element.EnumerateObject())
            {
                string name = (path.Length == 0 ? "" : path + ".") + property.Name.ToLowerInvariant();
                JsonElement value = property.Value;
                switch (value.ValueKind)
                {
                    case JsonValueKind.Object:
                        Collect(value, name, depth + 1, numbers, dates);
                        break;
                    case JsonValueKind.Number when value.TryGetInt64(out long number):
                        numbers.Add((name, number));
                        break;
                    case JsonValueKind.String:
                        string text = value.GetString()!;
                        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed)) numbers.Add((name, parsed));
                        else if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date)) dates.Add((name, date));
                        break;
                }
            }
        }
    }
}
