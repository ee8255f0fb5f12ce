using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace SendPilot.Client.Outreach
{
    /// <summary>
    /// A message or note with <c>{{name}}</c> placeholders, filled from one input row. Names are
    /// matched ignoring case; spaces inside the braces are ignored. Pure: no I/O.
    /// </summary>
    public sealed class MessageTemplate
    {
        private static readonly Regex Placeholder = new Regex(@"\{\{\s*([^{}]+?)\s*\}\}", RegexOptions.CultureInvariant);

        public MessageTemplate(string text)
        {
            Text = text ?? throw new ArgumentNullException(nameof(text));
            Placeholders = Placeholder.Matches(Text).Cast<Match>()
                .Select(m => m.Groups[1].Value)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        public string Text { get; }

        /// <summary>Each placeholder name once, in order of first use.</summary>
        public IReadOnlyList<string> Placeholders { get; }

        /// <summary>
        /// Fills every placeholder from <paramref name="valueOf"/>. A value that is null, empty or
        /// blank counts as missing. A missing name listed in <paramref name="filledByServer"/> is left
        /// for the API as <c>{{name}}</c> in that list's spelling; any other missing name is reported.
        /// </summary>
        public RenderedText Render(Func<string, string?> valueOf, IEnumerable<string>? filledByServer = null)
        {
            var serverNames = (filledByServer ?? Enumerable.Empty<string>()).ToList();
            var missing = new List<string>();
            string text = Placeholder.Replace(Text, match =>
            {
                string name = match.Groups[1].Value;
                string? value = valueOf(name);
                if (!string.IsNullOrWhiteSpace(value)) return value!;
                string? serverName = serverNames.FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase));
                if (serverName != null) return "{{" + serverName + "}}";
                if (!missing.Contains(name, StringComparer.OrdinalIgnoreCase)) missing.Add(name);
                return match.Value;
            });
            return new RenderedText(text, missing);
        }

        /// <summary>Why a rendered text cannot be sent (empty or too long), or null when it can.</summary>
        public static string? CheckLength(string text, int maxLength, string what)
        {
            if (string.IsNullOrWhiteSpace(text)) return $"The {what} is empty after filling the template; nothing to send.";
            if (text.Length > maxLength)
                return $"The {what} is {text.Length} characters after filling the template; SendPilot accepts at most {maxLength}.";
            return null;
        }

        /// <summary>The text on one line, cut to <paramref name="length"/> characters, for previews.</summary>
        public static string Preview(string text, int length = 120)
        {
            string flat = Regex.Replace(text, @"\s+", " ").Trim();
            return flat.Length <= length ? flat : flat.Substring(0, length - 1) + "…";
        }
    }

    /// <summary>A filled template and the placeholders that had no value.</summary>
    public sealed class RenderedText
    {
        public RenderedText(string text, IReadOnlyList<string> missing)
        {
            Text = text;
            Missing = missing;
        }

        public string Text { get; }
        public IReadOnlyList<string> Missing { get; }
        public bool IsComplete => Missing.Count == 0;
    }
}
