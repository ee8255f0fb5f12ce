using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SendPilot.Client.Leads;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Leads
{
    /// <summary>What Add-SpLead says about the input's columns as a whole, judged on its first row.</summary>
    internal static class LeadColumns
    {
        public static IEnumerable<string> UnmatchedMapKeys(Hashtable? propertyMap, IReadOnlyCollection<string> columns)
        {
            if (propertyMap == null) yield break;
            foreach (object? key in propertyMap.Keys)
            {
                string name = Convert.ToString(key)?.Trim() ?? "";
                if (!columns.Any(c => string.Equals(c.Trim(), name, StringComparison.OrdinalIgnoreCase))) yield return name;
            }
        }

        public static string UnmatchedMapKeyWarning(string key, IReadOnlyCollection<string> columns) =>
            $"-PropertyMap key '{key}' matches no column of the input, so it has no effect; the columns are {List(columns)}.";

        /// <summary>The stop for input without any LinkedIn URL column: names the columns, the likely one and a delimiter problem.</summary>
        public static ErrorRecord NoUrlColumn(IReadOnlyCollection<string> columns, object row)
        {
            string? closest = LeadFieldNames.ClosestToUrl(columns);
            string? delimited = columns.FirstOrDefault(c => c.IndexOf(';') >= 0 || c.IndexOf('\t') >= 0);
            string seen = columns.Count == 0 ? "the first row has no columns" : "the columns are " + List(columns);
            string action = delimited != null
                ? $"Column '{Shorten(delimited)}' contains a {(delimited.IndexOf(';') >= 0 ? "semicolon" : "tab")}: read the file with Import-Csv -Delimiter '{(delimited.IndexOf(';') >= 0 ? ";" : "`t")}'."
                : closest != null
                    ? $"Name the URL column with -PropertyMap @{{ '{closest}' = 'linkedinUrl' }}."
                    : "Add a linkedinUrl column, or name yours with -PropertyMap @{ '<column>' = 'linkedinUrl' }.";
            return ErrorRecords.Local(
                new ArgumentException($"No column of the input is a LinkedIn URL, so the upload stopped at row 1 and nothing was sent: {seen}."),
                "SendPilot.NoUrlColumn", ErrorCategory.InvalidData, row, action);
        }

        private static string List(IEnumerable<string> columns) => string.Join(", ", columns.Take(12).Select(c => $"'{Shorten(c)}'"));

        private static string Shorten(string column) => column.Length <= 60 ? column : column.Substring(0, 57) + "...";
    }
}
