using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;
using System.Text.Json;
using SendPilot.Client.Models;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>Between PowerShell's objects and the client's plain values and JSON.</summary>
    internal static class PSObjectConverter
    {
        /// <summary>JSON → PSCustomObject / object[] / string / long / double / bool / null.</summary>
        public static object? FromJson(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var result = new PSObject();
                    foreach (JsonProperty property in element.EnumerateObject())
                        result.Properties.Add(new PSNoteProperty(property.Name, FromJson(property.Value)));
                    return result;
                case JsonValueKind.Array:
                    var items = new List<object?>(element.GetArrayLength());
                    foreach (JsonElement item in element.EnumerateArray()) items.Add(FromJson(item));
                    return items.ToArray();
                case JsonValueKind.String: return element.GetString();
                case JsonValueKind.Number:
                    if (element.TryGetInt32(out int i)) return i;
                    if (element.TryGetInt64(out long l)) return l;
                    return element.GetDouble();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                default: return null;
            }
        }

        /// <summary>PSObject / hashtable / array → dictionaries, lists and primitives for the JSON writer.</summary>
        public static object? ToPlain(object? value)
        {
            if (value is PSObject ps)
            {
                if (ps.BaseObject is PSCustomObject) return PropertiesOf(ps);
                value = ps.BaseObject;
            }
            switch (value)
            {
                case null: return null;
                case string _: return value;
                case IDictionary map:
                    var result = new OrderedDictionary();
                    foreach (DictionaryEntry entry in map) result[Convert.ToString(entry.Key) ?? ""] = ToPlain(entry.Value);
                    return result;
                case IEnumerable list:
                    var items = new List<object?>();
                    foreach (object? item in list) items.Add(ToPlain(item));
                    return items;
                default: return value;
            }
        }

        /// <summary>A typed model, with any field the API added beyond it as an extra note property.</summary>
        public static object WithAdditionalFields(ApiObject model)
        {
            var fields = model.GetAdditionalFields();
            if (fields.Count == 0) return model;
            var wrapped = PSObject.AsPSObject(model);
            foreach (var field in fields)
                if (wrapped.Properties[field.Key] == null)
                    wrapped.Properties.Add(new PSNoteProperty(field.Key, FromJson(field.Value)));
            return wrapped;
        }

        private static OrderedDictionary PropertiesOf(PSObject ps)
        {
            var result = new OrderedDictionary();
            foreach (PSPropertyInfo property in ps.Properties)
                result[property.Name] = ToPlain(property.Value);
            return result;
        }
    }
}
