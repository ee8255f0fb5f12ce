using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SendPilot.Client.Json;
using System.Runtime.CompilerServices;

namespace SendPilot.Client.Leads
{
    /// <summary>One input row made ready to send: its normalised URL, duplicate key and flat fields.</summary>
    internal sealed class PreparedLead
    {
        public PreparedLead(string linkedinUrl, string key, List<KeyValuePair<string, object>> fields)
        {
            LinkedinUrl = linkedinUrl;
            Key = key;
            Fields = fields;
        }

        public string LinkedinUrl { get; }
        public string Key { get; }

        /// <summary>Every field to send except linkedinUrl: strings, numbers and booleans only.</summary>
        public List<KeyValuePair<string, object>> Fields { get; }
    }

    /// <summary>
    /// Turns a row of labelled fields into a lead: column names matched to the API's fields,
    /// -PropertyMap renames, blank values left out, dates as ISO 8601, nested values refused.
    /// A row exported from the module's own leads (it has both Id and LeadId) leaves out the lead's own columns.
    /// </summary>
    public sealed class LeadRowReader
    {
        private const int MaxCachedNames = 1024;
        private readonly Dictionary<string, string?> _map;

        // Rows of one file share their column names: resolve each name once.
        private readonly Dictionary<string, string?> _targets = new Dictionary<string, string?>(StringComparer.Ordinal);

        /// <param name="propertyMap">Input name → lead field name (case-insensitive); an empty target drops the column.</param>
        public LeadRowReader(IEnumerable<KeyValuePair<string, string?>>? propertyMap = null)
        {
            _map = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (propertyMap != null)
                foreach (var pair in propertyMap) _map[pair.Key.Trim()] = pair.Value;
        }

        /// <summary>Whether any of these column names means the LinkedIn URL (after the property map).</summary>
        public bool HasUrlColumn(IEnumerable<string> columns) => columns.Any(c => TargetName(c) == LeadFieldNames.LinkedinUrl);

        [MethodImpl(HotPath.Optimized)]
        internal PreparedLead? Read(IReadOnlyList<RowField> row, out string? reason)
        {
            var fields = new List<KeyValuePair<string, object>>(row.Count);
            ColumnLayout layout = LayoutOf(row);
            bool exportedLead = layout.HasLeadIds && LeadFieldNames.IsExportedLead(row);
            string? urlColumn = null;
            object? rawUrl = null;
            for (int i = 0; i < row.Count; i++)
            {
                RowField column = row[i];
                if (exportedLead && layout.LeadOwn[i]) continue;
                string? name = layout.Targets[i];
                if (name == null) continue;
                if (!TryFlatten(column, out object? value, out string? problem))
                {
                    reason = $"Field '{column.Name}' {problem}; send flat values only (text, a number, true/false or a date).";
                    return null;
                }
                if (value == null) continue;
                if (name == LeadFieldNames.LinkedinUrl)
                {
                    if (urlColumn != null)
                    {
                        reason = $"columns '{urlColumn}' and '{column.Name}' both give the LinkedIn URL; keep one of them.";
                        return null;
                    }
                    urlColumn = column.Name;
                    rawUrl = value;
                    continue;
                }
                if (!layout.MayRepeat[i] || !Contains(fields, name)) fields.Add(new KeyValuePair<string, object>(name, value));
            }

            if (rawUrl == null)
            {
                reason = "linkedinUrl is required: the row has no LinkedIn URL column (linkedinUrl, 'LinkedIn URL', 'Profile URL', …) or it is empty.";
                return null;
            }
            if (!LinkedInProfileUrl.TryNormalize(Convert.ToString(rawUrl, CultureInfo.InvariantCulture) ?? "", out string url, out string key, out reason))
                return null;
            return new PreparedLead(url, key, fields);
        }

        /// <summary>Rows of one source share their columns: the layout is worked out once and reused while they match.</summary>
        [MethodImpl(HotPath.Optimized)]
        private ColumnLayout LayoutOf(IReadOnlyList<RowField> row)
        {
            ColumnLayout? last = _layout;
            if (last != null && last.Matches(row)) return last;
            var names = new string[row.Count];
            for (int i = 0; i < names.Length; i++) names[i] = row[i].Name;
            return _layout = new ColumnLayout(names, TargetName);
        }

        private ColumnLayout? _layout;

        [MethodImpl(HotPath.Optimized)]
        private string? TargetName(string column)
        {
            if (_targets.TryGetValue(column, out string? cached)) return cached;
            string? target = ResolveName(column);
            if (_targets.Count < MaxCachedNames) _targets[column] = target;
            return target;
        }

        private string? ResolveName(string column)
        {
            string name = column;
            if (_map.TryGetValue(column.Trim(), out string? mapped))
            {
                if (string.IsNullOrWhiteSpace(mapped)) return null;
                name = mapped!;
            }
            else if (LeadFieldNames.IsCampaignId(column))
            {
                return null;
            }
            return LeadFieldNames.Canonical(name);
        }

        [MethodImpl(HotPath.Optimized)]
        private static bool Contains(List<KeyValuePair<string, object>> fields, string name)
        {
            for (int i = 0; i < fields.Count; i++)
                if (string.Equals(fields[i].Key, name, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        [MethodImpl(HotPath.Optimized)]
        private static bool TryFlatten(RowField field, out object? flat, out string? problem)
        {
            flat = null;
            problem = field.Shape == RowValueShape.Nested ? "is a nested object" : field.Shape == RowValueShape.List ? "is a list" : null;
            return problem == null && TryFlatten(field.Value, out flat, out problem);
        }

        /// <summary>A value as JSON can carry it flat; null means "leave the field out".</summary>
        [MethodImpl(HotPath.Optimized)]
        internal static bool TryFlatten(object? value, out object? flat, out string? problem)
        {
            flat = null;
            problem = null;
            switch (value)
            {
                case null:
                case DBNull _:
                    return true;
                case string s:
                    if (!string.IsNullOrWhiteSpace(s)) flat = s;
                    return true;
                case bool _:
                case int _: case long _: case short _: case byte _: case sbyte _:
                case uint _: case ulong _: case ushort _: case decimal _:
                    flat = value;
                    return true;
                case double d:
                    return Finite(d, out flat, out problem);
                case float f:
                    return Finite(f, out flat, out problem);
                case DateTime dt:
                    flat = JsonBody.FormatDate(dt);
                    return true;
                case DateTimeOffset dto:
                    flat = dto.ToString("o", CultureInfo.InvariantCulture);
                    return true;
                case char _: case Guid _: case Enum _: case TimeSpan _:
                    flat = Convert.ToString(value, CultureInfo.InvariantCulture);
                    return true;
                case Uri uri:
                    flat = uri.OriginalString;
                    return true;
                case IDictionary _:
                    problem = "is a nested object";
                    return false;
                case IEnumerable _:
                    problem = "is a list";
                    return false;
                default:
                    problem = $"is an object of type {value.GetType().Name}";
                    return false;
            }
        }

        private static bool Finite(double number, out object? flat, out string? problem)
        {
            flat = null;
            problem = null;
            if (double.IsNaN(number) || double.IsInfinity(number))
            {
                problem = "is not a finite number";
                return false;
            }
            flat = number;
            return true;
        }
    }

    /// <summary>What a row's column names resolve to: each column's lead field, and which columns need the slower checks.</summary>
    internal sealed class ColumnLayout
    {
        private readonly string[] _names;

        public ColumnLayout(string[] names, Func<string, string?> target)
        {
            _names = names;
            Targets = names.Select(target).ToArray();
            LeadOwn = names.Select(LeadFieldNames.IsLeadOwnColumn).ToArray();
            // Only a column whose field an earlier column also names can be a second value for it.
            MayRepeat = Targets.Select((t, i) => t != null && Targets.Take(i).Any(e => string.Equals(e, t, StringComparison.OrdinalIgnoreCase))).ToArray();
            var squashed = names.Select(LeadFieldNames.Squash).ToList();
            HasLeadIds = squashed.Contains("id") && squashed.Contains("leadid");
        }

        public string?[] Targets { get; }
        public bool[] LeadOwn { get; }
        public bool[] MayRepeat { get; }
        public bool HasLeadIds { get; }

        [MethodImpl(HotPath.Optimized)]
        public bool Matches(IReadOnlyList<RowField> row)
        {
            if (row.Count != _names.Length) return false;
            for (int i = 0; i < _names.Length; i++)
                if (!string.Equals(row[i].Name, _names[i])) return false;
            return true;
        }
    }
}
