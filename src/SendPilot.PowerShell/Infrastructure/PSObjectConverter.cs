using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
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
        public static object WithAdditionalFields(ApiObject model) => ForOutput(model, AdditionalFieldsOf(model));

        /// <summary>The fields the API sent beyond the model, as plain values.</summary>
        public static IEnumerable<KeyValuePair<string, object?>> AdditionalFieldsOf(ApiObject model) =>
            model.GetAdditionalFields().Select(f => new KeyValuePair<string, object?>(f.Key, FromJson(f.Value)));

        /// <summary>
        /// A model as written to the pipeline: itself when it has nothing extra, else wrapped with the extras as note
        /// properties. PowerShell lists note properties first, so the model's own properties are repeated as notes ahead of
        /// them: Format-List * and Export-Csv then show the known fields first, and ConvertTo-Json (which writes the .NET
        /// properties and then the notes it has not seen) keeps the same order.
        /// </summary>
        public static object ForOutput(object model, IEnumerable<KeyValuePair<string, object?>> extras)
        {
            var added = extras.ToList();
            if (added.Count == 0) return model;
            var wrapped = PSObject.AsPSObject(model);
            var known = wrapped.Properties.Where(p => p.IsGettable && !(p is PSNoteProperty)).ToList();
            foreach (PSPropertyInfo property in known)
                wrapped.Properties.Add(new PSNoteProperty(property.Name, property.Value));
            foreach (var field in added)
                if (wrapped.Properties[field.Key] == null)
                    wrapped.Properties.Add(new PSNoteProperty(field.Key, field.Value));
            return wrapped;
        }

        /// <summary>Name/value pairs as a PSCustomObject (whose text in a CSV cell is @{name=value; …}).</summary>
        public static PSObject ToPSCustomObject(IEnumerable<KeyValuePair<string, object?>> fields)
        {
            var result = new PSObject();
            foreach (var field in fields) result.Properties.Add(new PSNoteProperty(field.Key, field.Value));
            return result;
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
