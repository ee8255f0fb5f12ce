using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>Turns what users hold (strings, byte arrays, any dictionary or object of headers) into raw bytes and header pairs.</summary>
    internal static class WebhookInput
    {
        /// <summary>The raw body: a string (as UTF-8) or bytes; null for anything else.</summary>
        public static byte[]? Body(object? value)
        {
            value = Unwrap(value);
            switch (value)
            {
                case byte[] bytes: return bytes;
                case string text: return Encoding.UTF8.GetBytes(text);
                case object[] items when items.All(i => Unwrap(i) is byte || Unwrap(i) is int):
                    return items.Select(i => Convert.ToByte(Unwrap(i), CultureInfo.InvariantCulture)).ToArray();
                default: return null;
            }
        }

        /// <summary>
        /// Header pairs from a hashtable or any IDictionary, a NameValueCollection, HttpHeaders-like
        /// sequences of name and values, or an object's properties. Several values join with a space.
        /// </summary>
        public static List<KeyValuePair<string, string>>? Headers(object? input)
        {
            object? value = Unwrap(input);
            var pairs = new List<KeyValuePair<string, string>>();
            switch (value)
            {
                case null: return null;
                case IDictionary _:
                case PSCustomObject _ when input is PSObject:
                    foreach (var field in InputRow.Of(input).Fields) Add(pairs, field.Name, field.Value);
                    return pairs;
                case NameValueCollection collection:
                    foreach (string? name in collection.AllKeys) if (name != null) Add(pairs, name, collection.GetValues(name));
                    return pairs;
                case IEnumerable<KeyValuePair<string, IEnumerable<string>>> httpHeaders:
                    foreach (var header in httpHeaders) Add(pairs, header.Key, header.Value);
                    return pairs;
                default:
                    return null;
            }
        }

        private static void Add(List<KeyValuePair<string, string>> pairs, object? key, object? value)
        {
            string? name = Convert.ToString(Unwrap(key), CultureInfo.InvariantCulture);
            value = Unwrap(value);
            if (string.IsNullOrEmpty(name) || value == null) return;
            string text = value is string s ? s
                : value is IEnumerable many ? string.Join(" ", many.Cast<object?>().Select(v => Convert.ToString(Unwrap(v), CultureInfo.InvariantCulture)))
                : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            pairs.Add(new KeyValuePair<string, string>(name!, text));
        }

        private static object? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject : value;
    }
}
