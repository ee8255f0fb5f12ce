using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SendPilot.Client.Leads;
using SendPilot.Client.Ledger;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Outreach
{
    /// <summary>Reads the send log: every message and connection request this workspace sent, may have sent, or had refused.</summary>
    /// <remarks>
    /// <para>Send-SpMessage and Request-SpConnection record each item before its request leaves and again when the answer
    /// comes, in one file per workspace (Connect-SpAccount -LedgerPath, $env:SENDPILOT_LEDGER_PATH, or the user's data
    /// folder). That record is what stops a message from going out twice, across runs and processes.</para>
    /// <para>Status is sent, unknown (the request left but its answer never came: Ctrl+C, a crash, a timeout or a 5xx —
    /// it may have been delivered), refused (SendPilot did not send it) or notsent (recorded with Set-SpSendLog). Entries
    /// with sent or unknown stop the same item from being sent again; check the unknown ones and record the truth with
    /// Set-SpSendLog. Entries are listed oldest first.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-SpSendLog -Status unknown</code>
    /// <para>After Ctrl+C or a crash: the items that may or may not have gone out.</para>
    /// </example>
    /// <example>
    /// <code>Get-SpSendLog -Recipient https://www.linkedin.com/in/jane-doe -Since (Get-Date).AddDays(-30)</code>
    /// <para>Everything sent to one person in the last 30 days.</para>
    /// </example>
    /// <example>
    /// <code>Get-SpSendLog -Last 20 | Format-Table</code>
    /// <para>The 20 most recent entries.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SpSendLog", HelpUri = HelpLinks.SendLog)]
    [OutputType(typeof(SendLogEntry))]
    public sealed class GetSpSendLogCommand : SendLogCommand
    {
        /// <summary>Only entries to this LinkedIn profile URL (normalised as for sending; wildcards allowed). Binds from LinkedinUrl properties.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("LinkedinUrl", "RecipientLinkedinUrl")]
        public string? Recipient { get; set; }

        /// <summary>Only entries for this lead. Binds by property name (e.g. from Get-SpLead).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? LeadId { get; set; }

        /// <summary>Only entries with this status: sent, unknown, refused or notsent.</summary>
        [Parameter]
        [ValidateSet(SendLogStatus.Sent, SendLogStatus.Unknown, SendLogStatus.Refused, SendLogStatus.NotSent, IgnoreCase = true)]
        public string? Status { get; set; }

        /// <summary>Only messages or only connection requests.</summary>
        [Parameter]
        [ValidateSet(LedgerActions.Message, LedgerActions.Connection, IgnoreCase = true)]
        public string? Action { get; set; }

        /// <summary>Only entries from this time on.</summary>
        [Parameter]
        public DateTime? Since { get; set; }

        /// <summary>Only the most recent N entries (after the other filters).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Last { get; set; }

        protected override void ProcessItem()
        {
            IEnumerable<SendLogEntry> entries = WithLedger(ledger => ledger.ReadAll()).Where(Matches);
            if (Last is int last) entries = entries.Reverse().Take(last).Reverse();
            foreach (SendLogEntry entry in entries) WriteObject(entry);
        }

        private bool Matches(SendLogEntry entry)
        {
            if (Status != null && !entry.Status.Equals(Status, StringComparison.OrdinalIgnoreCase)) return false;
            if (Action != null && !entry.Action.Equals(Action, StringComparison.OrdinalIgnoreCase)) return false;
            if (LeadId != null && !string.Equals(entry.LeadId, LeadId.Trim(), StringComparison.Ordinal)) return false;
            if (Since is DateTime since && entry.Time < new DateTimeOffset(since.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(since, DateTimeKind.Local) : since)) return false;
            return Recipient == null || RecipientMatches(entry.RecipientLinkedinUrl);
        }

        private bool RecipientMatches(string? url)
        {
            if (url == null) return false;
            string wanted = Recipient!.Trim();
            if (WildcardPattern.ContainsWildcardCharacters(wanted))
                return new WildcardPattern(wanted, WildcardOptions.IgnoreCase).IsMatch(url);
            if (LinkedInProfileUrl.TryNormalize(wanted, out string normalized, out _, out _)) wanted = normalized;
            return string.Equals(url.TrimEnd('/'), wanted.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
        }
    }
}
