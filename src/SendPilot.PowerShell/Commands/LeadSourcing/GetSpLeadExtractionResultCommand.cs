using System.Management.Automation;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.LeadSourcing
{
    /// <summary>Streams the people a finished lead extraction found, ready for Add-SpLead and Export-Csv.</summary>
    /// <remarks>
    /// <para>Reads every page of the extraction's results (offset paging, 100 per request), fetching later pages ahead while
    /// writing people in order. -First stops reading once it has enough; -Skip starts further in. -EnrichedOnly asks SendPilot
    /// for the people enriched with contact details only.</para>
    /// <para>Each result has LinkedinUrl, FirstName, LastName, Company, Title (the API's job_position) and Email, and
    /// SendPilot's other fields under their own names (linkedin_identifier, full_name, headline, summary, location, city,
    /// country, profile_picture_url, …). Piped into Add-SpLead, the lead fields map to the lead and the others become custom
    /// fields; the result's own id is not sent.</para>
    /// <para>SendPilot serves results up to offset 10,000 only: more are read up to there, then a non-terminating error says how
    /// many were not read. An extraction that has not finished is a non-terminating error with its status.</para>
    /// </remarks>
    /// <example>
    /// <code>Wait-SpLeadExtraction -Id lxc_0001 | Get-SpLeadExtractionResult -EnrichedOnly | Add-SpLead -CampaignId camp_xyz789</code>
    /// <para>Waits for an extraction and adds the people with contact details to a campaign.</para>
    /// </example>
    /// <example>
    /// <code>Get-SpLeadExtractionResult -Id lxc_0001 -First 10</code>
    /// <para>The first ten people extracted.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SpLeadExtractionResult", SupportsPaging = true, HelpUri = HelpLinks.FindLeads)]
    [OutputType(typeof(LeadSearchResult))]
    public sealed class GetSpLeadExtractionResultCommand : LeadJobCmdlet<LeadExtractionJob>
    {
        /// <summary>The extraction whose people to read. Binds by property name (Id, ExtractionId), so extractions pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ExtractionId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>Only the people enriched with contact details (extractions run -Mode with_enrichment).</summary>
        [Parameter]
        public SwitchParameter EnrichedOnly { get; set; }

        /// <summary>Pages fetched at once after the first, 1 to 16. Default 4.</summary>
        [Parameter]
        [ValidateRange(1, 16)]
        public int ThrottleLimit { get; set; } = 4;

        internal override LeadJobKind<LeadExtractionJob> Kind => LeadJobKinds.Extraction;

        protected override void ProcessItem() =>
            WriteResults(Id, window => Client.ReadLeadExtractionResults(Id, EnrichedOnly.IsPresent, window, ThrottleLimit));
    }
}
