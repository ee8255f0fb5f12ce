using System;
using System.Management.Automation;
using SendPilot.Client.Ledger;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Outreach
{
    /// <summary>Records in the send log what really happened to an item, or removes old entries.</summary>
    /// <remarks>
    /// <para>An entry whose status is unknown (Ctrl+C, a crash, a timeout or a 5xx while its request was out) stops the
    /// item from being sent again, because it may have been delivered. Check the conversation (Get-SpConversation |
    /// Get-SpMessage) or the lead's status, then record the truth: -Status sent keeps it from going out again; -Status
    /// notsent lets the next run send it. The log is append-only: the change is a new line, and the entry keeps its history.</para>
    /// <para>-RemoveOlderThan prunes entries older than the given age (for example a year); once removed, an entry no
    /// longer stops anything from being sent.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-SpSendLog -Status unknown | Set-SpSendLog -Status notsent -Reason 'not in the conversation on 2 Dec'</code>
    /// <para>After checking that none of them went out: the next run sends them.</para>
    /// </example>
    /// <example>
    /// <code>Set-SpSendLog -Id sl_3f2a9c41d0b7e215 -Status sent</code>
    /// <para>The message did go out: it is never sent again.</para>
    /// </example>
    /// <example>
    /// <code>Set-SpSendLog -RemoveOlderThan (New-TimeSpan -Days 365)</code>
    /// <para>Removes entries older than a year.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "SpSendLog", DefaultParameterSetName = ByEntry, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.SendLog)]
    [OutputType(typeof(SendLogEntry))]
    public sealed class SetSpSendLogCommand : SendLogCommand
    {
        private const string ByEntry = "ByEntry";
        private const string Prune = "Prune";

        /// <summary>The entry to update (e.g. sl_3f2a9c41d0b7e215), as Get-SpSendLog shows it. Binds by property name.</summary>
        [Parameter(ParameterSetName = ByEntry, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>What really happened: sent (it went out; never send it again) or notsent (it did not; the next run may send it).</summary>
        [Parameter(ParameterSetName = ByEntry, Mandatory = true)]
        [ValidateSet(SendLogStatus.Sent, SendLogStatus.NotSent, IgnoreCase = true)]
        public string Status { get; set; } = "";

        /// <summary>An optional note kept with the entry, such as how it was checked.</summary>
        [Parameter(ParameterSetName = ByEntry)]
        public string? Reason { get; set; }

        /// <summary>Writes the updated entry.</summary>
        [Parameter(ParameterSetName = ByEntry)]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Removes every entry older than this age, e.g. (New-TimeSpan -Days 365) or '365.00:00:00'.</summary>
        [Parameter(ParameterSetName = Prune, Mandatory = true)]
        public TimeSpan RemoveOlderThan { get; set; }

        protected override void ProcessItem()
        {
            if (ParameterSetName == Prune) RemoveOld();
            else Update();
        }

        private void Update()
        {
            string id = Id.Trim();
            string status = Status.ToLowerInvariant();
            if (!ShouldProcess($"send log entry {id}", $"Record status {status}")) return;
            if (!WithLedger(ledger => ledger.RecordOutcome(id, status, null, Reason ?? "recorded by hand")))
            {
                WriteError(ErrorRecords.Described(new ArgumentException($"The send log {Ledger.FilePath} has no entry {id}."), "SendPilot.SendLogEntryNotFound",
                    ErrorCategory.ObjectNotFound, Id, $"The send log has no entry {id}; nothing was changed.", "Get-SpSendLog lists the entries and their ids."));
                return;
            }
            if (PassThru) WriteObject(WithLedger(ledger => ledger.Find(id)));
        }

        private void RemoveOld()
        {
            DateTimeOffset cutoff = DateTimeOffset.UtcNow - RemoveOlderThan;
            if (!ShouldProcess(Ledger.FilePath, $"Remove entries older than {cutoff.UtcDateTime:yyyy-MM-dd HH:mm} UTC")) return;
            int removed = WithLedger(ledger => ledger.Prune(cutoff));
            WriteVerbose($"Removed {removed} entries older than {cutoff.UtcDateTime:yyyy-MM-dd HH:mm} UTC from {Ledger.FilePath}.");
        }
    }
}
