using System;
using System.Collections;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Runtime.CompilerServices;

namespace SendPilot.Client.Json
{
    /// <summary>
    /// Writes plain .NET values (dictionaries, lists, strings, numbers, booleans, dates) as JSON.
    /// The PowerShell layer unwraps PSObjects into these before calling the client.
    /// </summary>
    public static class JsonBody
    {
        public static byte[] Serialize(object body)
        {
            if (body is byte[] raw) return raw;
            if (body is string text) return System.Text.Encoding.UTF8.GetBytes(text);
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
                WriteValue(writer, body);
            return stream.ToArray();
        }

        [MethodImpl(HotPath.Optimized)]
        public static void WriteValue(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case string s: writer.WriteStringValue(s); break;
                case bool b: writer.WriteBooleanValue(b); break;
                case char c: writer.WriteStringValue(c.ToString()); break;
                case DateTime dt: writer.WriteStringValue(FormatDate(dt)); break;
                case DateTimeOffset dto: writer.WriteStringValue(dto.ToString("o", CultureInfo.InvariantCulture)); break;
                case Guid g: writer.WriteStringValue(g.ToString()); break;
                case Uri u: writer.WriteStringValue(u.OriginalString); break;
                case Enum e: writer.WriteStringValue(e.ToString()); break;
                case JsonElement element: element.WriteTo(writer); break;
                case IDictionary map: WriteObject(writer, map); break;
                case IEnumerable list: WriteArray(writer, list); break;
                default:
                    if (!TryWriteNumber(writer, value))
                        JsonSerializer.Serialize(writer, value, value.GetType());
                    break;
            }
        }

        public static string FormatDate(DateTime value) =>
            value.Kind == DateTimeKind.Unspecified
                ? value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)
                : value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

        internal static bool TryWriteNumber(Utf8JsonWriter writer, object value)
        {
            switch (value)
            {
                case int i: writer.WriteNumberValue(i); return true;
                case long l: writer.WriteNumberValue(l); return true;
                case short s: writer.WriteNumberValue(s); return true;
                case byte b: writer.WriteNumberValue(b); return true;
                case sbyte sb: writer.WriteNumberValue(sb); return true;
                case uint ui: writer.WriteNumberValue(ui); return true;
                case ulong ul: writer.WriteNumberValue(ul); return true;
                case ushort us: writer.WriteNumberValue(us); return true;
                case double d: writer.WriteNumberValue(d); return true;
                case float f: writer.WriteNumberValue(f); return true;
                case decimal m: writer.WriteNumberValue(m); return true;
                default: return false;
            }
        }

        private static void WriteObject(Utf8JsonWriter writer, IDictionary map)
        {
            writer.WriteStartObject();
            foreach (DictionaryEntry entry in map)
            {
                writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                WriteValue(writer, entry.Value);
            }
            writer.WriteEndObject();
        }

        private static void WriteArray(Utf8JsonWriter writer, IEnumerable list)
        {
            writer.WriteStartArray();
            foreach (object? item in list) WriteValue(writer, item);
            writer.WriteEndArray();
        }
    }
}
