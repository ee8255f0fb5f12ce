using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using SendPilot.Client.Leads;
using System.Runtime.CompilerServices;
using SendPilot.Client;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>
    /// The one way the module reads a pipeline row (an Import-Csv row, a [pscustomobject], a hashtable, any object):
    /// its named values in order, each unwrapped from PSObject once and labelled flat, nested or list; names are looked
    /// up ignoring case. Add-SpLead, the outreach cmdlets and the webhook cmdlets all read rows through it.
    /// </summary>
    internal sealed class InputRow
    {
        // Room for a typical CSV row without regrowing the list.
        private const int TypicalColumns = 16;

        private InputRow(List<RowField> fields) => Fields = fields;

        public IReadOnlyList<RowField> Fields { get; }

        /// <summary>
        /// Dictionaries by entry, anything else by property (unreadable properties are left out). A command reading many
        /// rows passes its own <paramref name="notes"/>, so [pscustomobject] rows are read the fast way.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static InputRow Of(object? input, NoteProperties? notes = null)
        {
            object? value = Unwrap(input);
            var fields = new List<RowField>(value is IDictionary entries ? entries.Count : TypicalColumns);
            if (value is IDictionary map)
            {
                foreach (DictionaryEntry entry in map)
                    fields.Add(Field(Convert.ToString(Unwrap(entry.Key)) ?? "", entry.Value));
            }
            else if (value != null && !(notes != null && value is PSObject row && notes.TryRead(row, fields)))
            {
                foreach (PSPropertyInfo property in PSObject.AsPSObject(input).Properties)
                    if (TryRead(property, out object? item)) fields.Add(Field(property.Name, item));
            }
            return new InputRow(fields);
        }

        /// <summary>The first field of that name, ignoring case.</summary>
        public bool TryGet(string name, out RowField field)
        {
            foreach (RowField candidate in Fields)
            {
                if (!string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase)) continue;
                field = candidate;
                return true;
            }
            field = default;
            return false;
        }

        /// <summary>The value without its PSObject wrapper; a [pscustomobject] stays wrapped (it has no other form).</summary>
        [MethodImpl(HotPath.Optimized)]
        public static object? Unwrap(object? value) =>
            value is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : value;

        [MethodImpl(HotPath.Optimized)]
        internal static RowField Field(string name, object? raw)
        {
            object? value = Unwrap(raw);
            RowValueShape shape = value is PSObject ? RowValueShape.Nested : RowField.ShapeOf(value);
            return new RowField(name, value, shape);
        }

        private static bool TryRead(PSPropertyInfo property, out object? value)
        {
            value = null;
            if (!property.IsGettable) return false;
            try
            {
                value = property.Value;
                return true;
            }
            catch (GetValueException)
            {
                return false;
            }
        }
    }
}
