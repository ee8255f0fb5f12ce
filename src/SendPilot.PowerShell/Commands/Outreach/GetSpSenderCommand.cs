using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Completers;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Outreach
{
    /// <summary>Lists the workspace's LinkedIn sender accounts.</summary>
    /// <remarks>
    /// <para>Reads GET /inbox/senders: each sender's id, name, LinkedIn URL, status (active, disconnected, rate_limited) and
    /// whether it has LinkedIn Premium (only Premium senders deliver connection notes). Senders pipe into -SenderId of
    /// Get-SpSenderQuota and Get-SpConversation.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-SpSender -Status active</code>
    /// <para>The senders that can send now.</para>
    /// </example>
    /// <example>
    /// <code>Get-SpSender | Get-SpSenderQuota</code>
    /// <para>Each sender's daily quotas.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SpSender", SupportsPaging = true, HelpUri = HelpLinks.Senders)]
    [OutputType(typeof(Sender))]
    public sealed class GetSpSenderCommand : SendPilotCmdlet
    {
        /// <summary>Only senders with one of these statuses (active, disconnected, rate_limited; ignoring case). Default: all.</summary>
        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(SenderStatusCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Status { get; set; }

        protected override void ProcessItem()
        {
            var senders = Await(Client.ListSendersAsync(CancelToken))
                .Where(sender => Status == null || Status.Any(s => string.Equals(s.Trim(), sender.Status, StringComparison.OrdinalIgnoreCase)))
                .ToList();
            foreach (Sender sender in ListPaging.Window(senders, PagingParameters, WriteObject))
                WriteModel(sender);
        }
    }
}
