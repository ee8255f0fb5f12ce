using System;
using System.Management.Automation;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Outreach
{
    /// <summary>Checks and hints about recipients, shared by the outreach cmdlets.</summary>
    internal static class Recipients
    {
        /// <summary>
        /// A loose local check (the API judges the rest): catches rows without a URL and objects converted
        /// to text, before any request. Writes the row's error and returns false when it fails.
        /// </summary>
        public static bool IsProfileUrl(string? url, Cmdlet cmdlet, object target, int row)
        {
            if (url != null && url.IndexOf("linkedin.com/", StringComparison.OrdinalIgnoreCase) >= 0 && url.IndexOf(' ') < 0) return true;
            string shown = url == null ? "no LinkedIn URL" : $"'{url}', which is not a LinkedIn profile URL";
            cmdlet.WriteError(ErrorRecords.Invalid(
                $"Input row {row} has {shown}. Give -RecipientLinkedinUrl https://www.linkedin.com/in/<name>, or pipe objects with a LinkedinUrl property. Nothing was sent for this row.",
                "SendPilot.InvalidRecipient", target));
            return false;
        }

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
