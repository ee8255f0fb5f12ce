using System.Management.Automation;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.LeadSourcing
{
    /// <summary>Gets the current status and progress of lead searches by id.</summary>
    /// <remarks>
    /// <para>Reads each lead search's status once. Status is lower case and one vocabulary for searches and extractions: pending,
    /// processing, completed or failed. Progress is one object with Percent (0-100) whichever shape SendPilot answered in,
    /// plus the counts SendPilot gave (Requested, Found, Enriched). A failed lead search carries SendPilot's ErrorMessage.</para>
    /// <para>Ids bind by property name, so the objects Start-SpLeadSearch writes pipe in, and an id kept from an earlier session works
    /// the same. An unknown id is a non-terminating error.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-SpLeadSearch -Id srch_0001</code>
    /// <para>Shows how far the lead search is.</para>
    /// </example>
    /// <example>
    /// <code>$jobs | Get-SpLeadSearch | Where-Object Status -eq completed</code>
    /// <para>The lead searches of a list kept earlier that have completed.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SpLeadSearch", HelpUri = HelpLinks.FindLeads)]
    [OutputType(typeof(LeadSearchJob))]
    public sealed class GetSpLeadSearchCommand : LeadJobCmdlet<LeadSearchJob>
    {
        /// <summary>The lead search id(s), as Start-SpLeadSearch wrote them. Binds by property name (Id, SearchId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("SearchId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        internal override LeadJobKind<LeadSearchJob> Kind => LeadJobKinds.Search;

        protected override void ProcessItem()
        {
            foreach (string id in Id)
                if (ReadJob(id) is { } job) WriteModel(job);
        }
    }
}
