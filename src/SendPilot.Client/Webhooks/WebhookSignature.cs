using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace SendPilot.Client.Webhooks
{
    /// <summary>Which signature scheme a delivery used.</summary>
    public enum WebhookSignatureScheme
    {
        None,
        /// <summary>The documented one: <c>Webhook-Signature: t=&lt;unix&gt;,s=&lt;hex&gt;</c>, HMAC-SHA256 of "t.body" keyed by the secret's UTF-8 bytes.</summary>
        Docs,
        /// <summary>Svix: <c>svix-id</c>, <c>svix-timestamp</c>, <c>svix-signature: v1,&lt;base64&gt; …</c>, keyed by the base64 part of <c>whsec_…</c>.</summary>
        Svix,
        /// <summary>Standard Webhooks: the Svix scheme under <c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c>.</summary>
        StandardWebhooks,
    }

    /// <summary>Why a signature did not verify.</summary>
    public enum WebhookSignatureFailure
    {
        None,
        MissingHeader,
        BadFormat,
        TimestampOutsideTolerance,
        Mismatch,
        InvalidSecret,
    }

    /// <summary>The outcome of a signature check: the scheme found and, when it failed, why.</summary>
    public sealed class WebhookSignatureResult
    {
        internal WebhookSignatureResult(WebhookSignatureScheme scheme, WebhookSignatureFailure failure, string message, DateTimeOffset? timestamp)
        {
            Scheme = scheme;
            Failure = failure;
            Message = message;
            Timestamp = timestamp;
        }

        public bool IsValid => Failure == WebhookSignatureFailure.None;
        public WebhookSignatureScheme Scheme { get; }

        /// <summary>None when valid.</summary>
        public WebhookSignatureFailure Failure { get; }

        /// <summary>A sentence saying what was checked and what was wrong.</summary>
        public string Message { get; }

        /// <summary>The signed timestamp, when one could be read.</summary>
        public DateTimeOffset? Timestamp { get; }

        public override string ToString() => IsValid ? $"Valid ({Scheme})" : $"{Failure} ({Scheme}): {Message}";
    }

    /// <summary>
    /// Verifies and creates webhook signatures for both schemes in use (see API.md, "Webhooks"). Pure
    /// functions over the raw body bytes; comparisons take constant time.
    /// </summary>
    public static class WebhookSignature
    {
        public const string DocsHeader = "Webhook-Signature";
        public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

        /// <summary>
        /// Checks a delivery. <paramref name="headers"/> are matched case-insensitively; a header seen
        /// twice counts as its values joined by a space. A zero or negative tolerance skips the timestamp check.
        /// </summary>
        public static WebhookSignatureResult Verify(byte[] body, IEnumerable<KeyValuePair<string, string>> headers, string secret,
            TimeSpan tolerance, DateTimeOffset now)
        {
            if (body == null) throw new ArgumentNullException(nameof(body));
            if (secret == null) throw new ArgumentNullException(nameof(secret));
            var map = Normalize(headers);

            if (map.ContainsKey("svix-signature") || map.ContainsKey("svix-id"))
                return VerifyStandard(WebhookSignatureScheme.Svix, "svix-", body, map, secret, tolerance, now);
            if (map.TryGetValue("webhook-signature", out string? signature) && !LooksLikeDocs(signature)
                || map.ContainsKey("webhook-id") && !map.ContainsKey("webhook-signature"))
                return VerifyStandard(WebhookSignatureScheme.StandardWebhooks, "webhook-", body, map, secret, tolerance, now);
            if (signature != null)
                return VerifyDocs(body, signature, secret, tolerance, now);
            return Fail(WebhookSignatureScheme.None, WebhookSignatureFailure.MissingHeader,
                "No signature header: expected Webhook-Signature (t=…,s=…) or svix-id/svix-timestamp/svix-signature (or their webhook-* forms).");
        }

        public static WebhookSignatureResult Verify(byte[] body, IEnumerable<KeyValuePair<string, string>> headers, string secret) =>
            Verify(body, headers, secret, DefaultTolerance, DateTimeOffset.UtcNow);

        /// <summary>The Svix/Standard Webhooks signature header value <c>v1,&lt;base64&gt;</c>.</summary>
        public static string SignStandard(string secret, string messageId, long unixSeconds, byte[] body)
        {
            byte[] key = StandardKey(secret) ?? throw new ArgumentException("The secret must be 'whsec_' followed by base64 (as the SendPilot dashboard shows it).", nameof(secret));
            return "v1," + Convert.ToBase64String(Mac(key, Prefix($"{messageId}.{unixSeconds.ToString(CultureInfo.InvariantCulture)}."), body));
        }

        /// <summary>The documented header value <c>t=&lt;unix&gt;,s=&lt;hex&gt;</c>.</summary>
        public static string SignDocs(string secret, long unixSeconds, byte[] body)
        {
            string t = unixSeconds.ToString(CultureInfo.InvariantCulture);
            byte[] mac = Mac(Encoding.UTF8.GetBytes(secret), Prefix(t + "."), body);
            return $"t={t},s={ToHex(mac)}";
        }

        /// <summary>Headers for a delivery signed with <paramref name="scheme"/> (Svix, StandardWebhooks or Docs).</summary>
        public static IDictionary<string, string> CreateHeaders(WebhookSignatureScheme scheme, string secret, string messageId, DateTimeOffset timestamp, byte[] body)
        {
            long unix = timestamp.ToUnixTimeSeconds();
            string u = unix.ToString(CultureInfo.InvariantCulture);
            switch (scheme)
            {
                case WebhookSignatureScheme.Docs:
                    return new Dictionary<string, string> { [DocsHeader] = SignDocs(secret, unix, body) };
                case WebhookSignatureScheme.Svix:
                    return new Dictionary<string, string> { ["svix-id"] = messageId, ["svix-timestamp"] = u, ["svix-signature"] = SignStandard(secret, messageId, unix, body) };
                case WebhookSignatureScheme.StandardWebhooks:
                    return new Dictionary<string, string> { ["webhook-id"] = messageId, ["webhook-timestamp"] = u, ["webhook-signature"] = SignStandard(secret, messageId, unix, body) };
                default:
                    return new Dictionary<string, string>();
            }
        }

        private static WebhookSignatureResult VerifyStandard(WebhookSignatureScheme scheme, string prefix, byte[] body,
            Dictionary<string, string> headers, string secret, TimeSpan tolerance, DateTimeOffset now)
        {
            foreach (string part in new[] { "id", "timestamp", "signature" })
                if (!headers.TryGetValue(prefix + part, out string? present) || present.Trim().Length == 0)
                    return Fail(scheme, WebhookSignatureFailure.MissingHeader, $"The {prefix}{part} header is missing.");

            string id = headers[prefix + "id"].Trim();
            string timestampText = headers[prefix + "timestamp"].Trim();
            if (!long.TryParse(timestampText, NumberStyles.Integer, CultureInfo.InvariantCulture, out long unix))
                return Fail(scheme, WebhookSignatureFailure.BadFormat, $"The {prefix}timestamp header is not Unix seconds: '{timestampText}'.");
            DateTimeOffset? signedAt = FromUnix(unix);

            var candidates = new List<byte[]>();
            // Space-separated entries; a header repeated on several lines may arrive joined by ", ".
            foreach (string raw in headers[prefix + "signature"].Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                string entry = raw.TrimEnd(',');
                int comma = entry.IndexOf(',');
                if (comma <= 0 || entry.Substring(0, comma) != "v1") continue;
                byte[]? decoded = FromBase64(entry.Substring(comma + 1));
                if (decoded != null) candidates.Add(decoded);
            }
            if (candidates.Count == 0)
                return Fail(scheme, WebhookSignatureFailure.BadFormat, $"The {prefix}signature header has no 'v1,<base64>' entry.", signedAt);

            byte[]? key = StandardKey(secret);
            if (key == null)
                return Fail(scheme, WebhookSignatureFailure.InvalidSecret, "The secret is not 'whsec_<base64>' (the Svix scheme keys with the base64-decoded secret).", signedAt);

            if (OutsideTolerance(signedAt, tolerance, now, out string why))
                return Fail(scheme, WebhookSignatureFailure.TimestampOutsideTolerance, why, signedAt);

            byte[] expected = Mac(key, Prefix($"{id}.{timestampText}."), body);
            // Every candidate is compared, so the time taken does not say which one matched.
            bool match = false;
            foreach (byte[] candidate in candidates) match |= FixedTimeEquals(expected, candidate);
            return match
                ? new WebhookSignatureResult(scheme, WebhookSignatureFailure.None, $"Valid {scheme} signature.", signedAt)
                : Fail(scheme, WebhookSignatureFailure.Mismatch,
                    $"None of the {candidates.Count} v1 signature(s) matches this body and secret.", signedAt);
        }

        private static WebhookSignatureResult VerifyDocs(byte[] body, string header, string secret, TimeSpan tolerance, DateTimeOffset now)
        {
            const WebhookSignatureScheme scheme = WebhookSignatureScheme.Docs;
            string? timestampText = null;
            var candidates = new List<byte[]>();
            foreach (string raw in header.Split(','))
            {
                string part = raw.Trim();
                if (part.StartsWith("t=", StringComparison.Ordinal)) timestampText = part.Substring(2);
                else if (part.StartsWith("s=", StringComparison.Ordinal) || part.StartsWith("v1=", StringComparison.Ordinal))
                {
                    byte[]? decoded = FromHex(part.Substring(part.IndexOf('=') + 1));
                    if (decoded != null) candidates.Add(decoded);
                }
            }
            if (timestampText == null || !long.TryParse(timestampText, NumberStyles.Integer, CultureInfo.InvariantCulture, out long unix))
                return Fail(scheme, WebhookSignatureFailure.BadFormat, "The Webhook-Signature header has no 't=<unix seconds>' part.");
            DateTimeOffset? signedAt = FromUnix(unix);
            if (candidates.Count == 0)
                return Fail(scheme, WebhookSignatureFailure.BadFormat, "The Webhook-Signature header has no 's=<hex>' part.", signedAt);

            if (OutsideTolerance(signedAt, tolerance, now, out string why))
                return Fail(scheme, WebhookSignatureFailure.TimestampOutsideTolerance, why, signedAt);

            byte[] expected = Mac(Encoding.UTF8.GetBytes(secret), Prefix(timestampText + "."), body);
            bool match = false;
            foreach (byte[] candidate in candidates) match |= FixedTimeEquals(expected, candidate);
            return match
                ? new WebhookSignatureResult(scheme, WebhookSignatureFailure.None, "Valid Docs signature.", signedAt)
                : Fail(scheme, WebhookSignatureFailure.Mismatch, "The s= signature does not match this body and secret.", signedAt);
        }

        /// <summary>Docs headers carry "t=" and "s=" parts; a Standard Webhooks value is "v1,&lt;base64&gt;", whose parts never start so.</summary>
        private static bool LooksLikeDocs(string value)
        {
            var parts = value.Split(',').Select(p => p.Trim()).ToArray();
            return parts.Any(p => p.StartsWith("t=", StringComparison.Ordinal));
        }

        private static bool OutsideTolerance(DateTimeOffset? signedAt, TimeSpan tolerance, DateTimeOffset now, out string why)
        {
            why = "";
            if (tolerance <= TimeSpan.Zero) return false;
            if (signedAt == null)
            {
                why = "The signed timestamp is not a valid date.";
                return true;
            }
            TimeSpan age = now - signedAt.Value;
            if (age.Duration() <= tolerance) return false;
            why = age > TimeSpan.Zero
                ? $"The signature was made {age.TotalSeconds:0} s ago, more than the {tolerance.TotalSeconds:0} s tolerance (a replay, or a wrong clock)."
                : $"The signature is {(-age).TotalSeconds:0} s in the future, more than the {tolerance.TotalSeconds:0} s tolerance (check the clock).";
            return true;
        }

        private static WebhookSignatureResult Fail(WebhookSignatureScheme scheme, WebhookSignatureFailure failure, string message, DateTimeOffset? at = null) =>
            new WebhookSignatureResult(scheme, failure, message, at);

        private static Dictionary<string, string> Normalize(IEnumerable<KeyValuePair<string, string>> headers)
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (headers == null) return map;
            foreach (var header in headers)
            {
                if (header.Key == null || header.Value == null) continue;
                string name = header.Key.Trim();
                map[name] = map.TryGetValue(name, out string? earlier) ? earlier + " " + header.Value : header.Value;
            }
            return map;
        }

        /// <summary>Whether a secret can key the Svix / Standard Webhooks scheme (whsec_ followed by base64, or bare base64).</summary>
        public static bool IsStandardSecret(string secret) => secret != null && StandardKey(secret) != null;

        internal static byte[]? StandardKey(string secret)
        {
            string encoded = secret.Trim();
            if (encoded.StartsWith("whsec_", StringComparison.Ordinal)) encoded = encoded.Substring(6);
            byte[]? key = FromBase64(encoded);
            return key == null || key.Length == 0 ? null : key;
        }

        private static byte[] Prefix(string text) => Encoding.UTF8.GetBytes(text);

        private static byte[] Mac(byte[] key, byte[] prefix, byte[] body)
        {
            using var hmac = new HMACSHA256(key);
            hmac.TransformBlock(prefix, 0, prefix.Length, null, 0);
            hmac.TransformFinalBlock(body, 0, body.Length);
            return hmac.Hash!;
        }

        /// <summary>Compares in time that depends only on the lengths (which are not secret).</summary>
        internal static bool FixedTimeEquals(byte[] a, byte[] b)
        {
            if (a.Length != b.Length) return false;
            int difference = 0;
            for (int i = 0; i < a.Length; i++) difference |= a[i] ^ b[i];
            return difference == 0;
        }

        private static DateTimeOffset? FromUnix(long unix)
        {
            try { return unix > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(unix) : DateTimeOffset.FromUnixTimeSeconds(unix); }
            catch (ArgumentOutOfRangeException) { return null; }
        }

        private static byte[]? FromBase64(string text)
        {
            try { return Convert.FromBase64String(text.Trim()); }
            catch (FormatException) { return null; }
        }

        private static byte[]? FromHex(string hex)
        {
            hex = hex.Trim();
            if (hex.Length == 0 || hex.Length % 2 != 0) return null;
            var bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                int high = HexValue(hex[2 * i]), low = HexValue(hex[2 * i + 1]);
                if (high < 0 || low < 0) return null;
                bytes[i] = (byte)((high << 4) | low);
            }
            return bytes;
        }

        private static int HexValue(char c) =>
            c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

        private static string ToHex(byte[] bytes)
        {
            var text = new StringBuilder(bytes.Length * 2);
            foreach (byte b in bytes) text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            return text.ToString();
        }
    }
}
