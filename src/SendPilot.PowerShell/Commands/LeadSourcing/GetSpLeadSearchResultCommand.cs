using System.Management.Automation;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.LeadSourcing
{
    /// <summary>Streams the people a completed lead search found, ready for Add-SpLead and Export-Csv.</summary>
    /// <remarks>
    /// <para>Reads every page of the search's results (offset paging, 100 per request): the first page reveals the total, then
    /// later pages are fetched ahead while people are still written in order as each page arrives. -First stops reading once it
    /// has enough, and -Skip starts further in without fetching the people it skips.</para>
    /// <para>Each result has LinkedinUrl, FirstName, LastName, Company, Title (the API's job_title) and Email, and SendPilot's
    /// other fields under their own names (full_name, phone, location, country, industry, seniority, company_linkedin_url,
    /// website, employees). Piped into Add-SpLead, the lead fields map to the lead and the others become custom fields; the
    /// result's own id is not sent.</para>
    /// <para>SendPilot serves results up to offset 10,000 only: a search with more is read up to there and then ends with a
    /// non-terminating error saying how many were not read. A search that has not completed is a non-terminating error with
    /// its status.</para>
    /// </remarks>
    /// <example>
    /// <code>Start-SpLeadSearch -Name 'CTOs Berlin' -Limit 500 -Filter @{ job_titles = @('CTO'); locations = @('Berlin') } -Wait | Get-SpLeadSearchResult | Add-SpLead -CampaignId camp_xyz789</code>
    /// <para>Searches, waits, and adds every person found to a campaign.</para>
    /// </example>
    /// <example>
    /// <code>Get-SpLeadSearchResult -Id srch_0001 -First 20 | Format-Table</code>
    /// <para>The first twenty people of a search (one request).</para>
    /// </example>
    /// <example>
    /// <code>Get-SpLeadSearchResult -Id srch_0001 | Export-Csv .\people.csv</code>
    /// <para>Saves every person found to a CSV file.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SpLeadSearchResult", SupportsPaging = true, HelpUri = HelpLinks.FindLeads)]
    [OutputType(typeof(LeadSearchResult))]
    public sealed class GetSpLeadSearchResultCommand : LeadJobCmdlet<LeadSearchJob>
    {
        /// <summary>The search whose people to read. Binds by property name (Id, SearchId), so searches pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("SearchId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>Pages fetched at once after the first, 1 to 16. Default 4.</summary>
        [Parameter]
        [ValidateRange(1, 16)]
        public int ThrottleLimit { get; set; } = 4;

        internal override LeadJobKind<LeadSearchJob> Kind => LeadJobKinds.Search;

        protected override void ProcessItem() =>
            WriteResults(Id, window => Client.ReadLeadSearchResults(Id, window, ThrottleLimit));
    }
}
