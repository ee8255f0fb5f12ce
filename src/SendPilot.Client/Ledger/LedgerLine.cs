using System;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace SendPilot.Client.Ledger
{
    /// <summary>How an outcome line reads: which entry, how it ended, when.</summary>
    internal sealed class LedgerOutcome
    {
        public LedgerOutcome(string id, string status, string? receiptId, string? reason, DateTimeOffset time)
        {
            Id = id;
            Status = status;
            ReceiptId = receiptId;
            Reason = reason;
            Time = time;
        }

        public string Id { get; }
        public string Status { get; }
        public string? ReceiptId { get; }
        public string? Reason { get; }
        public DateTimeOffset Time { get; }
    }

    /// <summary>The file's line format: one JSON object per line, "t" says header, intent or outcome.</summary>
    internal static class LedgerLine
    {
        public static byte[] Header(string id) => Write(w =>
        {
            w.WriteString("t", "header");
            w.WriteString("id", id);
            w.WriteNumber("v", 1);
        });

        public static byte[] Intent(SendLogEntry e) => Write(w =>
        {
            w.WriteString("t", "intent");
            w.WriteString("id", e.Id);
            w.WriteString("at", e.Time.UtcDateTime.ToString("o", CultureInfo.InvariantCulture));
            w.WriteString("action", e.Action);
            if (e.RecipientLinkedinUrl != null) w.WriteString("url", e.RecipientLinkedinUrl);
            if (e.LeadId != null) w.WriteString("lead", e.LeadId);
            w.WriteString("sender", e.SenderId);
            w.WriteString("hash", e.TextHash);
        });

        public static byte[] Outcome(LedgerOutcome o) => Write(w =>
        {
            w.WriteString("t", "outcome");
            w.WriteString("id", o.Id);
            w.WriteString("at", o.Time.UtcDateTime.ToString("o", CultureInfo.InvariantCulture));
            w.WriteString("status", o.Status);
            if (o.ReceiptId != null) w.WriteString("receipt", o.ReceiptId);
            if (o.Reason != null) w.WriteString("reason", o.Reason);
        });

        /// <summary>A <see cref="SendLogEntry"/> for an intent, a <see cref="LedgerOutcome"/>, or null for a header or a line that cannot be read.</summary>
        public static object? Parse(ReadOnlySpan<byte> line, string workspace)
        {
            try
            {
                var reader = new Utf8JsonReader(line);
                using JsonDocument doc = JsonDocument.ParseValue(ref reader);
                JsonElement root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return null;
                string? id = Text(root, "id");
                if (id == null) return null;
                switch (Text(root, "t"))
                {
                    case "intent":
                        return new SendLogEntry
                        {
                            Id = id,
                            Time = Time(root),
                            Action = Text(root, "action") ?? "",
                            RecipientLinkedinUrl = Text(root, "url"),
                            LeadId = Text(root, "lead"),
                            SenderId = Text(root, "sender") ?? "",
                            TextHash = Text(root, "hash") ?? "",
                            Workspace = workspace,
                        };
                    case "outcome":
                        return new LedgerOutcome(id, Text(root, "status") ?? SendLogStatus.Unknown, Text(root, "receipt"), Text(root, "reason"), Time(root));
                    default:
                        return null;
                }
            }
            catch (JsonException)
            {
                return null; // a damaged line (e.g. sealed after a crash) is skipped
            }
        }

        public static string? HeaderId(ReadOnlySpan<byte> line) =>
            Parse(line, "") == null && TryHeader(line, out string? id) ? id : null;

        private static bool TryHeader(ReadOnlySpan<byte> line, out string? id)
        {
            id = null;
            try
            {
                var reader = new Utf8JsonReader(line);
                using JsonDocument doc = JsonDocument.ParseValue(ref reader);
                if (doc.RootElement.ValueKind != JsonValueKind.Object || Text(doc.RootElement, "t") != "header") return false;
                id = Text(doc.RootElement, "id");
                return id != null;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private static string? Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static DateTimeOffset Time(JsonElement e) =>
            DateTimeOffset.TryParse(Text(e, "at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset t) ? t : DateTimeOffset.MinValue;

        private static byte[] Write(Action<Utf8JsonWriter> body)
        {
            var stream = new MemoryStream(256);
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                body(writer);
                writer.WriteEndObject();
            }
            stream.WriteByte((byte)'\n');
            return stream.ToArray();
        }
    }
}
