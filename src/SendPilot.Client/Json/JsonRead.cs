using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace SendPilot.Client.Json
{
    /// <summary>Tolerant readers: a field may be missing, differently cased or of another JSON type.</summary>
    public static class JsonRead
    {
        public static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
            Converters = { new LenientDateTimeOffsetConverter() },
        };

        public static T Deserialize<T>(JsonElement element) => element.Deserialize<T>(Options)!;

        public static bool TryGet(JsonElement element, string name, out JsonElement value)
        {
            value = default;
            if (element.ValueKind != JsonValueKind.Object) return false;
            if (element.TryGetProperty(name, out value)) return true;
            foreach (JsonProperty property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
            return false;
        }

        /// <summary>The first of several names that is present (old and new doc generations differ).</summary>
        public static bool TryGetAny(JsonElement element, out JsonElement value, params string[] names)
        {
            foreach (string name in names)
                if (TryGet(element, name, out value) && value.ValueKind != JsonValueKind.Null) return true;
            value = default;
            return false;
        }

        public static string? String(JsonElement element, params string[] names)
        {
            if (!TryGetAny(element, out JsonElement value, names)) return null;
            return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        }

        public static long? Number(JsonElement element, params string[] names)
        {
            if (!TryGetAny(element, out JsonElement value, names)) return null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n)) return n;
            if (value.ValueKind == JsonValueKind.Number) return (long)value.GetDouble();
            if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed)) return parsed;
            return null;
        }

        public static bool? Bool(JsonElement element, params string[] names)
        {
            if (!TryGetAny(element, out JsonElement value, names)) return null;
            if (value.ValueKind == JsonValueKind.True) return true;
            if (value.ValueKind == JsonValueKind.False) return false;
            if (value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out bool parsed)) return parsed;
            return null;
        }

        public static DateTimeOffset? Date(JsonElement element, params string[] names)
        {
            string? text = String(element, names);
            return text != null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed)
                ? parsed : (DateTimeOffset?)null;
        }

        public static IReadOnlyList<string> StringArray(JsonElement element, params string[] names)
        {
            var result = new List<string>();
            if (TryGetAny(element, out JsonElement value, names) && value.ValueKind == JsonValueKind.Array)
                foreach (JsonElement item in value.EnumerateArray())
                    if (item.ValueKind == JsonValueKind.String) result.Add(item.GetString()!);
            return result;
        }
    }

    /// <summary>An unreadable date becomes null rather than failing the whole object.</summary>
    internal sealed class LenientDateTimeOffsetConverter : System.Text.Json.Serialization.JsonConverter<DateTimeOffset?>
    {
        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String &&
                DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value))
                return value;
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long unix))
                return unix > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(unix) : DateTimeOffset.FromUnixTimeSeconds(unix);
            reader.Skip();
            return null;
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value == null) writer.WriteNullValue();
            else writer.WriteStringValue(value.Value.ToString("o", CultureInfo.InvariantCulture));
        }
    }
}
