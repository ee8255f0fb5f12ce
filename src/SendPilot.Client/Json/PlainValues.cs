using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SendPilot.Client.Json
{
    /// <summary>
    /// A dictionary of plain values whose text is its contents (<c>name=Ann; score=52</c>) rather than its type name,
    /// so a CSV cell or a log line that holds one shows the values.
    /// </summary>
    public sealed class PlainMap<TValue> : Dictionary<string, TValue>
    {
        public PlainMap() : base(StringComparer.OrdinalIgnoreCase) { }

        public PlainMap(IEnumerable<KeyValuePair<string, TValue>> entries) : this()
        {
            foreach (var entry in entries) this[entry.Key] = entry.Value;
        }

        public override string ToString() => PlainText.Of(this);
    }

    /// <summary>A list of plain values whose text is its items joined by commas.</summary>
    public sealed class PlainList<T> : List<T>
    {
        public PlainList() { }

        public PlainList(IEnumerable<T> items) : base(items) { }

        public override string ToString() => PlainText.Of(this);
    }

    internal static class PlainText
    {
        public static string Of(object? value)
        {
            switch (value)
            {
                case null: return "";
                case string text: return text;
                case bool flag: return flag ? "true" : "false";
                case IFormattable formattable: return formattable.ToString(null, CultureInfo.InvariantCulture);
                case IDictionary map:
                    return string.Join("; ", Entries(map).Select(e => e.Key + "=" + Nested(e.Value)));
                case IEnumerable items:
                    return string.Join(", ", items.Cast<object?>().Select(Nested));
                default: return value.ToString() ?? "";
            }
        }

        // IDictionary's own enumerator: a generic dictionary's IEnumerable yields KeyValuePairs, not DictionaryEntries.
        private static IEnumerable<DictionaryEntry> Entries(IDictionary map)
        {
            IDictionaryEnumerator entries = map.GetEnumerator();
            while (entries.MoveNext()) yield return entries.Entry;
        }

        private static string Nested(object? value) => value is IEnumerable and not string ? "(" + Of(value) + ")" : Of(value);
    }
}
