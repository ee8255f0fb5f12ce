using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Completers;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Outreach
{
    /// <summary>Shows each sender's daily LinkedIn quotas: messages and connection requests left, limits, and the reset time.</summary>
    /// <remarks>
    /// <para>Reads GET /senders/quotas once per command. Its field names are not documented, so the answer is read
    /// tolerantly: a count the answer does not give is empty. The answer as SendPilot sent it is one call away:
    /// Invoke-SpApi GET /senders/quotas. Send-SpMessage and Request-SpConnection use the same numbers to prefer the sender with the most
    /// left.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-SpSenderQuota</code>
    /// <para>Every sender's quotas.</para>
    /// </example>
    /// <example>
    /// <code>Get-SpSender -Status active | Get-SpSenderQuota | Where-Object MessagesRemaining -gt 0</code>
    /// <para>Active senders that can still send messages today.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SpSenderQuota", SupportsPaging = true, HelpUri = HelpLinks.Senders)]
    [OutputType(typeof(SenderQuota))]
    public sealed class GetSpSenderQuotaCommand : SendPilotCmdlet
    {
        /// <summary>Only these senders (ids such as sender_ann). Binds from the SenderId property of piped senders. Default: all.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SenderIdCompletion]
        public string[]? SenderId { get; set; }

        private IReadOnlyList<SenderQuota>? _quotas;

        protected override void ProcessItem()
        {
            _quotas ??= Await(Client.GetSenderQuotasAsync(CancelToken));
            var wanted = _quotas.Where(q => SenderId == null || SenderId.Contains(q.SenderId, StringComparer.OrdinalIgnoreCase)).ToList();
            foreach (SenderQuota quota in ListPaging.Window(wanted, PagingParameters, WriteObject))
                WriteObject(quota);
            if (SenderId == null) return;
            foreach (string missing in SenderId.Where(id => !_quotas.Any(q => string.Equals(q.SenderId, id, StringComparison.OrdinalIgnoreCase))))
                WriteError(new ErrorRecord(new ItemNotFoundException($"GET /senders/quotas has no quotas for sender {missing}."),
                    "SendPilot.QuotaNotFound", ErrorCategory.ObjectNotFound, missing));
        }
    }
}
