using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Reflection;
using SendPilot.Client.Leads;
using System.Runtime.CompilerServices;
using SendPilot.Client;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>
    /// Reads a [pscustomobject]'s note properties straight from its instance members. The first enumeration of a fresh
    /// object's PSObject.Properties costs about 30 µs in pwsh 7.6: it first generates the object's psextended, psbase,
    /// psobject and psadapted member sets, and takes locks on the object that are slow the first time. Every Import-Csv
    /// row is fresh, so at a million rows that was most of an upload's time; this way a row costs about a microsecond.
    /// Used only where it gives exactly what Properties gives: the base object is a PSCustomObject, every instance member
    /// is a note property (or one of those generated member sets), and for each list of type names the first row was read
    /// both ways with the same result, so no types.ps1xml member or adapter adds anything for that type. Nothing here
    /// takes a lock or changes the object. Where the engine lacks these internals (another PowerShell version) every row
    /// is read through Properties. One instance per command: what it learnt about a type holds for that command only,
    /// so an Update-TypeData between two commands is always seen.
    /// </summary>
    internal sealed class NoteProperties
    {
        private const int MaxTypeLists = 256;
        private static readonly Func<PSObject, OrderedDictionary>? Members = Compile<OrderedDictionary>("InstanceMembers", typeof(OrderedDictionary));
        private static readonly Func<PSObject, object?>? TypeNames = Compile<object?>(null, typeof(PSObject).Assembly.GetType("System.Management.Automation.Runspaces.ConsolidatedString"));
        private readonly Dictionary<string, bool> _sameAsProperties = new Dictionary<string, bool>(StringComparer.Ordinal);
        private Verdict? _last;

        /// <summary>Adds the row's fields in order; false (and nothing added) when it must be read through Properties.</summary>
        [MethodImpl(HotPath.Optimized)]
        public bool TryRead(PSObject row, List<RowField> fields)
        {
            if (Members == null || TypeNames == null || !(row.BaseObject is PSCustomObject) || !ReadInstance(row, fields)) return false;
            return IsSameAsProperties(row, fields) || Clear(fields);
        }

        [MethodImpl(HotPath.Optimized)]
        private static bool ReadInstance(PSObject row, List<RowField> fields)
        {
            OrderedDictionary members = Members!(row);
            int count = members.Count;
            for (int i = 0; i < count; i++)
            {
                object? member = members[i];
                if (member is PSNoteProperty note) fields.Add(InputRow.Field(note.Name, note.Value));
                else if (!IsGeneratedReservedMember(member)) return Clear(fields);
            }
            return true;
        }

        /// <summary>What enumerating Properties adds to an object's own members, and never lists as a property.</summary>
        private static bool IsGeneratedReservedMember(object? member) =>
            member is PSMemberSet || (member is PSCodeProperty code && string.Equals(code.Name, "pstypenames", StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// The type names as the object holds them, without the public TypeNames (which makes a writable copy under a
        /// lock): none yet means the base type's own list, and rows of one source share one list object.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private bool IsSameAsProperties(PSObject row, List<RowField> fields)
        {
            object? names = TypeNames!(row);
            Verdict? last = _last;
            if (last != null && ReferenceEquals(last.Names, names)) return last.Same;
            string key = names is IEnumerable<string> list ? string.Join("\n", list) : "";
            if (!_sameAsProperties.TryGetValue(key, out bool same))
            {
                same = MatchesProperties(row, fields);
                if (_sameAsProperties.Count < MaxTypeLists) _sameAsProperties[key] = same;
            }
            _last = new Verdict(names, same);
            return same;
        }

        private static bool MatchesProperties(PSObject row, List<RowField> fields)
        {
            int i = 0;
            foreach (PSPropertyInfo property in row.Properties)
                if (i >= fields.Count || !string.Equals(fields[i++].Name, property.Name, StringComparison.Ordinal)) return false;
            return i == fields.Count;
        }

        private static bool Clear(List<RowField> fields)
        {
            fields.Clear();
            return false;
        }

        private sealed class Verdict
        {
            public Verdict(object? names, bool same)
            {
                Names = names;
                Same = same;
            }

            public object? Names { get; }
            public bool Same { get; }
        }

        /// <summary>
        /// A getter for an internal field of PSObject (of <paramref name="fieldType"/>), or of what its internal
        /// <paramref name="property"/> returns; null when this engine has no such member.
        /// </summary>
        private static Func<PSObject, T>? Compile<T>(string? property, Type? fieldType)
        {
            try
            {
                const BindingFlags Internal = BindingFlags.Instance | BindingFlags.NonPublic;
                var row = Expression.Parameter(typeof(PSObject), "row");
                Expression owner = row;
                if (property != null)
                {
                    PropertyInfo? getter = typeof(PSObject).GetProperty(property, Internal);
                    if (getter == null) return null;
                    owner = Expression.Property(row, getter);
                }
                FieldInfo? field = fieldType == null ? null : owner.Type.GetFields(Internal).SingleOrDefault(f => f.FieldType == fieldType);
                if (field == null) return null;
                var read = Expression.Lambda<Func<PSObject, T>>(Expression.Convert(Expression.Field(owner, field), typeof(T)), row).Compile();
                // Some runtimes refuse internal access only when the code runs: try it once here.
                var probe = new PSObject();
                probe.Properties.Add(new PSNoteProperty("probe", 1));
                read(probe);
                return read;
            }
            catch (Exception failure) when (failure is ArgumentException || failure is InvalidOperationException || failure is MemberAccessException || failure is NullReferenceException)
            {
                return null;
            }
        }
    }
}
