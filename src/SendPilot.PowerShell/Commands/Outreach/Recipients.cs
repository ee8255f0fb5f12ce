using System;
using System.Management.Automation;
using SendPilot.Client.Leads;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Outreach
{
    /// <summary>Checks and hints about recipients, shared by the outreach cmdlets.</summary>
    internal static class Recipients
    {
        /// <summary>
        /// The recipient's profile URL in the form sent to the API, checked by the same rules as Add-SpLead
        /// (Sales Navigator links and ACoAA… ids refused), before any request. Writes the row's error and
        /// returns null when it cannot be used.
        /// </summary>
        public static string? ProfileUrl(string? url, Cmdlet cmdlet, object target, int row)
        {
            string? reason = "it has no LinkedIn URL.";
            if (url != null && LinkedInProfileUrl.TryNormalize(url, out string normalized, out _, out reason)) return normalized;
            cmdlet.WriteError(ErrorRecords.Invalid(
                $"Input row {row}: {reason} Give -RecipientLinkedinUrl https://www.linkedin.com/in/<name>, or pipe objects with a LinkedinUrl property. Nothing was sent for this row.",
                "SendPilot.InvalidRecipient", target));
            return null;
        }

        /// <summary>A property of the input row by name, ignoring case, as text; null when absent. Rows are read as everywhere (InputRow).</summary>
        public static string? ValueOf(PSObject? row, string name) =>
            row == null || row.BaseObject is string || !InputRow.Of(row).TryGet(name, out RowField field) || field.Value == null
                ? null : LanguagePrimitives.ConvertTo<string>(field.Value);

        /// <summary>The command that shows whether a message reached <paramref name="url"/> from <paramref name="sender"/>.</summary>
        public static string ConversationHint(string? url, string sender) => url == null
            ? $"Get-SpConversation -SenderId {sender} | Get-SpMessage -First 5 (the latest messages of each conversation)."
            : $"Get-SpConversation -SenderId {sender} | Where-Object ParticipantLinkedinUrl -like '*{Slug(url)}*' | Get-SpMessage -First 5";

        private static string Slug(string url)
        {
            string trimmed = url.TrimEnd('/');
            int slash = trimmed.LastIndexOf('/');
            return slash < 0 ? trimmed : trimmed.Substring(slash + 1);
        }
    }
}
