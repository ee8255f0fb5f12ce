using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SendPilot.Client.Http
{
    /// <summary>
    /// Masks a secret in text however it was echoed: as is, in another case, JSON-escaped (<c>\u0073</c>, <c>\/</c>),
    /// %-encoded, or only partly (any run of <see cref="MinimumRun"/> characters of it). The text is read through a
    /// decoding view that remembers where each decoded character came from, so a run found in the view masks
    /// exactly the source characters that spelled it.
    /// </summary>
    internal sealed class SecretRedactor
    {
        public const int MinimumRun = 12;
        public const string Mask = "***";

        private readonly string _secret;
        private readonly int _run;

        public SecretRedactor(string secret)
        {
            _secret = secret.ToLowerInvariant();
            _run = Math.Min(MinimumRun, _secret.Length);
        }

        public string Redact(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text ?? "";
            List<DecodedChar> decoded = Decode(text!);
            bool[] masked = MaskRuns(decoded);
            return Rebuild(text!, decoded, masked);
        }

        private readonly struct DecodedChar
        {
            public DecodedChar(char value, int start, int length)
            {
                Value = value;
                Start = start;
                Length = length;
            }

            public char Value { get; }
            public int Start { get; }
            public int Length { get; }
        }

        private static List<DecodedChar> Decode(string text)
        {
            var decoded = new List<DecodedChar>(text.Length);
            for (int i = 0; i < text.Length;)
            {
                int length = EscapeLength(text, i, out char value);
                decoded.Add(new DecodedChar(char.ToLowerInvariant(value), i, length));
                i += length;
            }
            return decoded;
        }

        /// <summary>How many source characters spell the character at <paramref name="i"/> (1 unless it is an escape).</summary>
        private static int EscapeLength(string text, int i, out char value)
        {
            value = text[i];
            if (value == '\\' && i + 1 < text.Length)
            {
                char next = text[i + 1];
                if ((next == 'u' || next == 'U') && i + 5 < text.Length && TryHex(text, i + 2, 4, out int code))
                {
                    value = (char)code;
                    return 6;
                }
                if (next == '/' || next == '\\' || next == '"')
                {
                    value = next;
                    return 2;
                }
            }
            if (value == '%' && i + 2 < text.Length && TryHex(text, i + 1, 2, out int octet))
            {
                value = (char)octet;
                return 3;
            }
            return 1;
        }

        private static bool TryHex(string text, int start, int digits, out int value) =>
            int.TryParse(text.Substring(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);

        /// <summary>Marks every decoded character inside a run of at least <see cref="_run"/> characters of the secret.</summary>
        private bool[] MaskRuns(List<DecodedChar> decoded)
        {
            var masked = new bool[decoded.Count];
            // previous[j] = length of the common run ending at the previous character and at secret[j - 1].
            var previous = new int[_secret.Length + 1];
            var current = new int[_secret.Length + 1];
            for (int i = 0; i < decoded.Count; i++)
            {
                int longest = 0;
                for (int j = 1; j <= _secret.Length; j++)
                {
                    current[j] = decoded[i].Value == _secret[j - 1] ? previous[j - 1] + 1 : 0;
                    if (current[j] > longest) longest = current[j];
                }
                if (longest >= _run)
                    for (int k = i - longest + 1; k <= i; k++) masked[k] = true;
                int[] swap = previous;
                previous = current;
                current = swap;
            }
            return masked;
        }

        private static string Rebuild(string text, List<DecodedChar> decoded, bool[] masked)
        {
            var result = new StringBuilder(text.Length);
            for (int i = 0; i < decoded.Count; i++)
            {
                if (!masked[i])
                {
                    result.Append(text, decoded[i].Start, decoded[i].Length);
                    continue;
                }
                if (i == 0 || !masked[i - 1]) result.Append(Mask);
            }
            return result.ToString();
        }
    }
}
