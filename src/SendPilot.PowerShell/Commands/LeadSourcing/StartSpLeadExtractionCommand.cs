using System;
using System.Linq;
using System.Management.Automation;
using SendPilot.Client.LeadSourcing;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.LeadSourcing
{
    /// <summary>Starts an extraction of the people in LinkedIn or Sales Navigator search URLs, which spends credits, and optionally waits for it.</summary>
    /// <remarks>
    /// <para>Sends POST /lead-extractor/campaigns and writes the extraction at once: its Id (keep it to come back later, even from
    /// another PowerShell session), Name, Status, EstimatedCredits and CreatedAt. Follow it with Get-SpLeadExtraction, wait for
    /// it with Wait-SpLeadExtraction, and read its people with Get-SpLeadExtractionResult.</para>
    /// <para>Every -Url is checked before any request: it must be an https LinkedIn people search
    /// (https://www.linkedin.com/search/results/people/?…) with -UrlType linkedin_search, or a Sales Navigator search or list
    /// (https://www.linkedin.com/sales/…) with -UrlType sales_navigator. -Mode with_enrichment adds contact details (email) and
    /// costs more credits than extraction_only.</para>
    /// <para>-Wait polls until the extraction finishes, with progress from SendPilot's counts, and writes it in its final state;
    /// a failed or timed-out extraction is a non-terminating error, and a timed-out one goes on at SendPilot (resume with
    /// Wait-SpLeadExtraction -Id). -WhatIf shows the request and sends nothing; too few credits is a terminating error.</para>
    /// </remarks>
    /// <example>
    /// <code>Start-SpLeadExtraction -Name 'Berlin CTOs' -UrlType linkedin_search -Url 'https://www.linkedin.com/search/results/people/?keywords=cto%20berlin' -Mode with_enrichment -Limit 100 -Wait | Get-SpLeadExtractionResult -EnrichedOnly | Export-Csv .\ctos.csv</code>
    /// <para>Extracts and enriches up to 100 people from a LinkedIn search and saves those with contact details to a CSV file.</para>
    /// </example>
    /// <example>
    /// <code>Start-SpLeadExtraction -Name 'SN list' -UrlType sales_navigator -Url $url -Mode extraction_only -Limit 250 -WhatIf</code>
    /// <para>Shows the request and the credits it would spend, without starting anything.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Start, "SpLeadExtraction", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.FindLeads)]
    [OutputType(typeof(LeadExtractionJob))]
    public sealed class StartSpLeadExtractionCommand : LeadJobCmdlet<LeadExtractionJob>
    {
        /// <summary>A name for the extraction, shown in SendPilot and in progress.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary>What the URLs are: linkedin_search (LinkedIn people searches) or sales_navigator (Sales Navigator searches and lists).</summary>
        [Parameter(Mandatory = true)]
        [ValidateSet(LinkedInSearchUrl.LinkedinSearch, LinkedInSearchUrl.SalesNavigator)]
        public string UrlType { get; set; } = "";

        /// <summary>The https search URL(s) to extract people from.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string[] Url { get; set; } = new string[0];

        /// <summary>extraction_only (profiles) or with_enrichment (profiles plus contact details, more credits).</summary>
        [Parameter(Mandatory = true)]
        [ValidateSet("extraction_only", "with_enrichment")]
        public string Mode { get; set; } = "";

        /// <summary>The most people to extract, 1 to 25,000.</summary>
        [Parameter(Mandatory = true)]
        [ValidateRange(1, 25_000)]
        public int Limit { get; set; }

        /// <summary>An https URL SendPilot calls with lead_extractor.job.completed when the extraction finishes.</summary>
        [Parameter]
        public Uri? WebhookUrl { get; set; }

        /// <summary>Waits for the extraction to finish and writes it in its final state.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: how long to wait, in seconds (default 1800); the extraction goes on at SendPilot after that.</summary>
        [Parameter]
        [ValidateRange(1, 86_400)]
        public int TimeoutSec { get; set; } = LeadSourcingInput.DefaultTimeoutSec;

        internal override LeadJobKind<LeadExtractionJob> Kind => LeadJobKinds.Extraction;

        protected override void ProcessItem()
        {
            foreach (string url in Url)
                if (!LinkedInSearchUrl.IsValid(url, UrlType, out string? reason))
                    ThrowTerminatingError(ErrorRecords.Invalid(
                        $"-Url {reason} Give -Url the address of a LinkedIn people search (-UrlType linkedin_search) or a Sales Navigator search or list (-UrlType sales_navigator); nothing was sent.",
                        "SendPilot.InvalidSearchUrl", url));

            var request = new LeadExtractionRequest
            {
                Name = Name, UrlType = UrlType, Urls = Url.Select(u => u.Trim()).ToList(), Mode = Mode, Limit = Limit,
                WebhookUrl = LeadSourcingInput.Webhook(this, WebhookUrl),
            };
            string action = $"POST /lead-extractor/campaigns: name '{Name}', {UrlType} {string.Join(", ", request.Urls)}, mode {Mode}, limit {Limit}";
            if (!ShouldProcess(action, $"Start lead extraction '{Name}' (spends credits)?", "Start-SpLeadExtraction")) return;

            StartJob($"lead extraction '{Name}'", Limit, () => Client.StartLeadExtractionAsync(request, CancelToken), Wait.IsPresent, TimeoutSec);
        }
    }
}
