using System.Linq;
using System.Management.Automation;
using SendPilot.Client;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Completers;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Leads
{
    /// <summary>Sets the status and/or custom status of leads.</summary>
    /// <remarks>
    /// <para>One PATCH per lead; leads (and anything with a LeadId property) pipe in by property name. The statuses and the note
    /// come from the parameters only, never from the piped lead, whose own Status would otherwise be sent back.
    /// At least one of -Status and -CustomLeadStatus is required. Tab completion offers the known values, but any value is passed
    /// on, because the API's list grows; the API's answer to an unknown value is a non-terminating error for that lead.</para>
    /// </remarks>
    /// <example>
    /// <code>Set-SpLeadStatus -LeadId lead_3 -Status MEETING_BOOKED -Note 'Call on Tuesday'</code>
    /// <para>Marks one lead as having booked a meeting.</para>
    /// </example>
    /// <example>
    /// <code>Get-SpLead -CampaignId camp_xyz789 -Status REPLY_RECEIVED | Set-SpLeadStatus -CustomLeadStatus INTERESTED -WhatIf</code>
    /// <para>Shows which leads would be tagged INTERESTED, without changing anything.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "SpLeadStatus", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.ReadLeads)]
    [OutputType(typeof(LeadStatusChange))]
    public sealed class SetSpLeadStatusCommand : SendPilotCmdlet
    {
        /// <summary>The lead(s) to update. Binds by property name, so leads from Get-SpLead pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] LeadId { get; set; } = new string[0];

        /// <summary>The new lead status (settable: OPPORTUNITY, MEETING_BOOKED, DONE, UNSUBSCRIBED, IRRELEVANT). Not taken from piped objects, so a lead's current status is never sent back by accident.</summary>
        [Parameter(Position = 1)]
        [ArgumentCompleter(typeof(LeadStatusCompleter))]
        public string? Status { get; set; }

        /// <summary>The workspace's custom status (LEAD, INTERESTED, MEETING_BOOKED, CLOSED, …). Not taken from piped objects.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(CustomLeadStatusCompleter))]
        public string? CustomLeadStatus { get; set; }

        /// <summary>A note stored with the change.</summary>
        [Parameter]
        public string? Note { get; set; }

        protected override void Begin()
        {
            if (string.IsNullOrWhiteSpace(Status) && string.IsNullOrWhiteSpace(CustomLeadStatus))
                throw new TerminatingCmdletError(ErrorRecords.Invalid("Give -Status, -CustomLeadStatus or both.", "SendPilot.LeadStatusRequired", null));
        }

        protected override void ProcessItem()
        {
            string change = string.Join(", ", new[] { Status, CustomLeadStatus == null ? null : "custom " + CustomLeadStatus }
                .Where(s => !string.IsNullOrWhiteSpace(s)));
            foreach (string id in LeadId)
                if (ShouldProcess(InWorkspace($"lead {id}"), $"Set status {change}")) Update(id);
        }

        private void Update(string id)
        {
            try
            {
                WriteModel(Await(Client.SetLeadStatusAsync(id, Status, CustomLeadStatus, Note, CancelToken)));
            }
            catch (SendPilotApiException notFound) when (notFound.Kind == ApiErrorKind.NotFound)
            {
                WriteApiError(notFound, id, "SendPilot.LeadNotFound");
            }
            catch (SendPilotApiException invalid) when (invalid.Kind == ApiErrorKind.InvalidRequest)
            {
                WriteApiError(invalid, id, "SendPilot.InvalidLeadStatus");
            }
        }
    }
}
