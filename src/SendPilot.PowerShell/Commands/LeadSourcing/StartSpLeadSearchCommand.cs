using System;
using System.Collections;
using System.Management.Automation;
using System.Text;
using SendPilot.Client.Json;
using SendPilot.Client.LeadSourcing;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.LeadSourcing
{
    /// <summary>Starts a search of SendPilot's lead database, which spends credits, and optionally waits for it.</summary>
    /// <remarks>
    /// <para>Sends POST /lead-database/searches and writes the search at once: its Id (keep it to come back later, even from
    /// another PowerShell session), Name, Status, EstimatedQuota and CreatedAt. The search runs at SendPilot; follow it with
    /// Get-SpLeadSearch, wait for it with Wait-SpLeadSearch, and read its people with Get-SpLeadSearchResult.</para>
    /// <para>-Filter is passed to the API unchanged: keys such as job_titles, excluded_job_titles, job_title_match_mode,
    /// seniority_levels, locations, companies, company_sizes (codes 1-9), industries, keywords, technologies_used, min_*/max_*
    /// ranges. Get-SpLeadSearchFilter lists the filters and their allowed values.</para>
    /// <para>-Wait polls until the search completes (with progress from SendPilot's percentage) and then writes it in its final
    /// state, so it pipes straight into Get-SpLeadSearchResult. A search that fails, or is still running after -TimeoutSec, is a
    /// non-terminating error; a timed-out search goes on at SendPilot (resume with Wait-SpLeadSearch -Id). A search spends up to
    /// -Limit credits: -WhatIf shows the request and sends nothing, and a pool too small is a terminating error.</para>
    /// </remarks>
    /// <example>
    /// <code>Start-SpLeadSearch -Name 'CTOs Berlin' -Limit 500 -Filter @{ job_titles = @('CTO'); locations = @('Berlin') } -Wait | Get-SpLeadSearchResult | Add-SpLead -CampaignId camp_xyz789</code>
    /// <para>Finds up to 500 CTOs in Berlin, waits for the search, and adds every person found to a campaign.</para>
    /// </example>
    /// <example>
    /// <code>$search = Start-SpLeadSearch -Name 'Fintech founders' -Limit 200 -Filter @{ job_titles = @('Founder'); industries = @('Fintech') }; $search.Id</code>
    /// <para>Starts a search without waiting and keeps its id for later (Wait-SpLeadSearch -Id …).</para>
    /// </example>
    /// <example>
    /// <code>Start-SpLeadSearch -Name 'Test' -Limit 1000 -Filter @{ locations = @('Paris') } -WhatIf</code>
    /// <para>Shows the request it would send and the credits it would spend, without starting anything.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Start, "SpLeadSearch", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.FindLeads)]
    [OutputType(typeof(LeadSearchJob))]
    public sealed class StartSpLeadSearchCommand : LeadJobCmdlet<LeadSearchJob>
    {
        /// <summary>A name for the search, shown in SendPilot and in progress.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary>The most people to find, 1 to 50,000; each one found spends a credit.</summary>
        [Parameter(Mandatory = true)]
        [ValidateRange(1, 50_000)]
        public int Limit { get; set; }

        /// <summary>The search's filters, passed unchanged: @{ job_titles = @('CTO'); locations = @('Berlin') }. See Get-SpLeadSearchFilter.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public Hashtable Filter { get; set; } = new Hashtable();

        /// <summary>An https URL SendPilot calls with lead_database.search.completed when the search completes.</summary>
        [Parameter]
        public Uri? WebhookUrl { get; set; }

        /// <summary>Waits for the search to complete and writes it in its final state.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: how long to wait, in seconds (default 1800); the search goes on at SendPilot after that.</summary>
        [Parameter]
        [ValidateRange(1, 86_400)]
        public int TimeoutSec { get; set; } = LeadSourcingInput.DefaultTimeoutSec;

        internal override LeadJobKind<LeadSearchJob> Kind => LeadJobKinds.Search;

        protected override void ProcessItem()
        {
            var request = new LeadSearchRequest
            {
                Name = Name, Limit = Limit, Filters = LeadSourcingInput.Filters(Filter), WebhookUrl = LeadSourcingInput.Webhook(this, WebhookUrl),
            };
            string filters = Encoding.UTF8.GetString(JsonBody.Serialize(request.Filters));
            string action = $"POST /lead-database/searches: name '{Name}', limit {Limit}, filters {filters} (spends up to {Limit:N0} credits)";
            if (!ShouldProcess(action, $"Start lead search '{Name}' and spend up to {Limit:N0} credits?", "Start-SpLeadSearch")) return;

            StartJob($"lead search '{Name}'", Limit, () => Client.StartLeadSearchAsync(request, CancelToken), Wait.IsPresent, TimeoutSec);
        }
    }
}
