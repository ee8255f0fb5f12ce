using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SendPilot.Client.Json;

namespace SendPilot.Client.Webhooks
{
    /// <summary>
    /// One webhook delivery, read tolerantly: the event name is always the current one (the name that
    /// came is in <see cref="OriginalEventType"/>), the fields most events carry are lifted to the top,
    /// and the whole <c>data</c> object is kept in <see cref="Data"/>.
    /// </summary>
    public sealed class WebhookEvent
    {
        private static readonly string[] TextFields = { "message", "reply", "replyPreview", "note" };

        public string EventId { get; private set; } = "";

        /// <summary>The current event name (legacy names are mapped; unknown names pass through).</summary>
        public string EventType { get; private set; } = "";

        /// <summary>The event name exactly as it was sent.</summary>
        public string OriginalEventType { get; private set; } = "";

        public DateTimeOffset Timestamp { get; private set; }
        public string? WorkspaceId { get; private set; }
        public string? LeadId { get; private set; }
        public string? CampaignId { get; private set; }
        public string? LinkedinUrl { get; private set; }
        public string? SenderId { get; private set; }

        /// <summary>The message, reply or connection note, whatever the API generation called it.</summary>
        public string? Text { get; private set; }

        /// <summary>The event's <c>data</c> object as plain values (dictionaries, object[], strings, numbers, booleans), keys case-insensitive.</summary>
        public IDictionary<string, object?> Data { get; private set; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The event as JSON text (the raw body when it came as text or bytes).</summary>
        public string Json { get; private set; } = "";

        public static WebhookEvent Parse(string json)
        {
            if (json == null) throw new ArgumentNullException(nameof(json));
            return Parse(Encoding.UTF8.GetBytes(json), json);
        }

        public static WebhookEvent Parse(byte[] body) => Parse(body, null);

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private static WebhookEvent Parse(byte[] body, string? text)
        {
            if (body == null) throw new ArgumentNullException(nameof(body));
            text ??= DecodeUtf8(StripBom(body).ToArray());
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(StripBom(body));
            }
            catch (JsonException e)
            {
                throw new WebhookFormatException(null, "The webhook body is not valid JSON: " + e.Message, e);
            }
            using (document)
                return FromElement(document.RootElement, text);
        }

        private static string DecodeUtf8(byte[] body)
        {
            try
            {
                return StrictUtf8.GetString(body);
            }
            catch (DecoderFallbackException bad)
            {
                string where = bad.Index >= 0 ? $" at byte {bad.Index}" : "";
                throw new WebhookFormatException(null, $"The webhook body is not valid UTF-8{where}; SendPilot sends UTF-8 JSON.", bad);
            }
        }

        /// <summary>Reads an envelope that is already parsed.</summary>
        public static WebhookEvent FromElement(JsonElement envelope) => FromElement(envelope, envelope.GetRawText());

        private static WebhookEvent FromElement(JsonElement envelope, string json)
        {
            if (envelope.ValueKind != JsonValueKind.Object)
                throw new WebhookFormatException(null, $"A webhook event must be a JSON object, not {envelope.ValueKind.ToString().ToLowerInvariant()}.");

            string eventId = RequiredString(envelope, "eventId");
            string eventType = RequiredString(envelope, "eventType");
            DateTimeOffset timestamp = RequiredTimestamp(envelope);
            if (!JsonRead.TryGet(envelope, "data", out JsonElement data) || data.ValueKind == JsonValueKind.Null)
                throw new WebhookFormatException("data", "The webhook event has no 'data' field.");
            if (data.ValueKind != JsonValueKind.Object)
                throw new WebhookFormatException("data", $"The webhook event's 'data' must be an object, not {data.ValueKind.ToString().ToLowerInvariant()}.");

            return new WebhookEvent
            {
                EventId = eventId,
                EventType = WebhookEventTypes.Normalize(eventType),
                OriginalEventType = eventType,
                Timestamp = timestamp,
                WorkspaceId = JsonRead.String(envelope, "workspaceId"),
                LeadId = JsonRead.String(data, "leadId"),
                CampaignId = JsonRead.String(data, "campaignId"),
                LinkedinUrl = JsonRead.String(data, "linkedinUrl", "linkedInUrl", "recipientLinkedinUrl", "profileUrl"),
                SenderId = JsonRead.String(data, "senderId", "accountId"),
                Text = JsonRead.String(data, TextFields),
                Data = (IDictionary<string, object?>)ToPlain(data)!,
                Json = json,
            };
        }

        public override string ToString() => $"{EventType} {EventId}";

        private static string RequiredString(JsonElement envelope, string name)
        {
            if (!JsonRead.TryGet(envelope, name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
                throw new WebhookFormatException(name, $"The webhook event has no '{name}' field.");
            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
                throw new WebhookFormatException(name, $"The webhook event's '{name}' must be a non-empty string.");
            return value.GetString()!;
        }

        private static DateTimeOffset RequiredTimestamp(JsonElement envelope)
        {
            if (!JsonRead.TryGet(envelope, "timestamp", out JsonElement value) || value.ValueKind == JsonValueKind.Null)
                throw new WebhookFormatException("timestamp", "The webhook event has no 'timestamp' field.");
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long unix))
                return FromUnix(unix) ?? throw new WebhookFormatException("timestamp", $"The webhook event's 'timestamp' {unix} is outside the dates a timestamp can name.");
            if (value.ValueKind == JsonValueKind.String &&
                DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
                return parsed;
            throw new WebhookFormatException("timestamp", $"The webhook event's 'timestamp' is not a date: {value.GetRawText()}.");
        }

        private static DateTimeOffset? FromUnix(long unix)
        {
            try
            {
                return unix > 100_000_000_000 || unix < -100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(unix) : DateTimeOffset.FromUnixTimeSeconds(unix);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }

        /// <summary>JSON → case-insensitive dictionaries, object[], string, long, double, bool, null.</summary>
        internal static object? ToPlain(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = new PlainMap<object?>();
                    foreach (JsonProperty property in element.EnumerateObject()) map[property.Name] = ToPlain(property.Value);
                    return map;
                case JsonValueKind.Array:
                    var items = new List<object?>();
                    foreach (JsonElement item in element.EnumerateArray()) items.Add(ToPlain(item));
                    return items.ToArray();
                case JsonValueKind.String: return element.GetString();
                case JsonValueKind.Number: return element.TryGetInt64(out long l) ? (object)l : element.GetDouble();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                default: return null;
            }
        }

        private static ReadOnlyMemory<byte> StripBom(byte[] body) =>
            body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF ? body.AsMemory(3) : body.AsMemory();
    }

    /// <summary>A webhook body that is not a readable event. <see cref="Field"/> names the envelope field at fault (null for bad JSON).</summary>
    public sealed class WebhookFormatException : FormatException
    {
        public WebhookFormatException(string? field, string message, Exception? inner = null) : base(message, inner) => Field = field;

        public string? Field { get; }
    }
}
