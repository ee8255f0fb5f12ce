using System.Management.Automation;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.LeadSourcing
{
    /// <summary>Gets the current status and progress of lead extractions by id.</summary>
    /// <remarks>
    /// <para>Reads each lead extraction's status once. Status is lower case and one vocabulary for searches and extractions: pending,
    /// processing, completed or failed. Progress is one object with Percent (0-100) whichever shape SendPilot answered in,
    /// plus the counts SendPilot gave (Requested, Found, Enriched). A failed lead extraction carries SendPilot's ErrorMessage.</para>
    /// <para>Ids bind by property name, so the objects Start-SpLeadExtraction writes pipe in, and an id kept from an earlier session works
    /// the same. An unknown id is a non-terminating error.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-SpLeadExtraction -Id lxc_0001</code>
    /// <para>Shows how far the lead extraction is.</para>
    /// </example>
    /// <example>
    /// <code>$jobs | Get-SpLeadExtraction | Where-Object Status -eq completed</code>
    /// <para>The lead extractions of a list kept earlier that have completed.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SpLeadExtraction", HelpUri = HelpLinks.FindLeads)]
    [OutputType(typeof(LeadExtractionJob))]
    public sealed class GetSpLeadExtractionCommand : LeadJobCmdlet<LeadExtractionJob>
    {
        /// <summary>The lead extraction id(s), as Start-SpLeadExtraction wrote them. Binds by property name (Id, ExtractionId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ExtractionId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        internal override LeadJobKind<LeadExtractionJob> Kind => LeadJobKinds.Extraction;

        protected override void ProcessItem()
        {
            foreach (string id in Id)
                if (ReadJob(id) is { } job) WriteModel(job);
        }
    }
}
