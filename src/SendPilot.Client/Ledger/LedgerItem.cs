using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace SendPilot.Client.Ledger
{
    /// <summary>
    /// One send or connect as the log sees it: the recipient (profile URL and/or lead id), and the hash of
    /// the text. A connection request is blocked by any sent or possibly-sent request to the same person; a
    /// message by the same text sent (or possibly sent) to them, or, with <see cref="ContactedSince"/>, by any
    /// message to them since then.
    /// </summary>
    public sealed class LedgerItem
    {
        public LedgerItem(string action, string? recipientLinkedinUrl, string? leadId, string? text, DateTimeOffset? contactedSince = null)
        {
            Action = action;
            RecipientLinkedinUrl = recipientLinkedinUrl;
            LeadId = leadId;
            TextHash = HashOf(text ?? "");
            ContactedSince = contactedSince;
        }

        public string Action { get; }
        public string? RecipientLinkedinUrl { get; }
        public string? LeadId { get; }
        public string TextHash { get; }
        public DateTimeOffset? ContactedSince { get; }

        internal bool IsBlockedBy(SendLogEntry entry) =>
            entry.Blocks && entry.Action == Action
            && (Action == LedgerActions.Connection || entry.TextHash == TextHash || (ContactedSince != null && entry.Time >= ContactedSince));

        internal IEnumerable<string> RecipientKeys() => KeysOf(RecipientLinkedinUrl, LeadId);

        internal static IEnumerable<string> KeysOf(string? url, string? leadId)
        {
            if (!string.IsNullOrEmpty(url)) yield return "url:" + url!.TrimEnd('/');
            if (!string.IsNullOrEmpty(leadId)) yield return "lead:" + leadId;
        }

        /// <summary>The first 128 bits of the text's SHA-256, as hex: enough to tell texts apart, and the text itself is not stored.</summary>
        public static string HashOf(string text)
        {
            using var sha = SHA256.Create();
            byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            var hex = new StringBuilder(32);
            for (int i = 0; i < 16; i++) hex.Append(hash[i].ToString("x2"));
            return hex.ToString();
        }
    }

    /// <summary>The actions the log records.</summary>
    public static class LedgerActions
    {
        public const string Message = "message";
        public const string Connection = "connection";
    }
}
