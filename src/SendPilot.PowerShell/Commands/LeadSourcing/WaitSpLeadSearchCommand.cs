using System.Management.Automation;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.LeadSourcing
{
    /// <summary>Waits for lead searches to finish, with progress, and writes each completed one.</summary>
    /// <remarks>
    /// <para>Polls each lead search's status until it is completed or failed, showing SendPilot's own percentage and counts with
    /// Write-Progress. The pause between polls starts at -PollIntervalSec and grows by half each time, up to 30 seconds; a 429
    /// from SendPilot's rate limit pauses polling for its Retry-After instead of ending the wait.</para>
    /// <para>A completed lead search is written, ready to pipe into Get-SpLeadSearchResult. A failed one is a non-terminating error with
    /// SendPilot's error_message. One still running after -TimeoutSec is a non-terminating error too: it goes on at SendPilot,
    /// and Wait-SpLeadSearch -Id resumes waiting, in this session or a later one. Ctrl+C stops waiting at once and says the same.</para>
    /// </remarks>
    /// <example>
    /// <code>Wait-SpLeadSearch -Id srch_0001 | Get-SpLeadSearchResult | Export-Csv .\people.csv</code>
    /// <para>Waits for a lead search started earlier (even in another session) and saves its people.</para>
    /// </example>
    /// <example>
    /// <code>Wait-SpLeadSearch -Id srch_0001 -TimeoutSec 60 -PollIntervalSec 5</code>
    /// <para>Waits at most a minute, polling every 5 seconds at first.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Wait, "SpLeadSearch", HelpUri = HelpLinks.FindLeads)]
    [OutputType(typeof(LeadSearchJob))]
    public sealed class WaitSpLeadSearchCommand : LeadJobCmdlet<LeadSearchJob>
    {
        /// <summary>The lead search id(s) to wait for. Binds by property name (Id, SearchId), so Start-SpLeadSearch output pipes in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("SearchId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>How long to wait for each lead search, in seconds (default 1800); it goes on at SendPilot after that.</summary>
        [Parameter]
        [ValidateRange(1, 86_400)]
        public int TimeoutSec { get; set; } = LeadSourcingInput.DefaultTimeoutSec;

        /// <summary>The first pause between polls, in seconds (default 2); later pauses grow up to 30 seconds.</summary>
        [Parameter]
        [ValidateRange(1, 300)]
        public int PollIntervalSec { get; set; } = LeadSourcingInput.DefaultPollIntervalSec;

        internal override LeadJobKind<LeadSearchJob> Kind => LeadJobKinds.Search;

        protected override void ProcessItem()
        {
            foreach (string id in Id)
                if (WaitFor(id, null, TimeoutSec, PollIntervalSec) is { } job) WriteModel(job);
        }
    }
}
