using System.Management.Automation;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.LeadSourcing
{
    /// <summary>Waits for lead extractions to finish, with progress, and writes each completed one.</summary>
    /// <remarks>
    /// <para>Polls each lead extraction's status until it is completed or failed, showing SendPilot's own percentage and counts with
    /// Write-Progress. The pause between polls starts at -PollIntervalSec and grows by half each time, up to 30 seconds; a 429
    /// from SendPilot's rate limit pauses polling for its Retry-After instead of ending the wait.</para>
    /// <para>A completed lead extraction is written, ready to pipe into Get-SpLeadExtractionResult. A failed one is a non-terminating error with
    /// SendPilot's error_message. One still running after -TimeoutSec is a non-terminating error too: it goes on at SendPilot,
    /// and Wait-SpLeadExtraction -Id resumes waiting, in this session or a later one. Ctrl+C stops waiting at once and says the same.</para>
    /// </remarks>
    /// <example>
    /// <code>Wait-SpLeadExtraction -Id lxc_0001 | Get-SpLeadExtractionResult | Export-Csv .\people.csv</code>
    /// <para>Waits for a lead extraction started earlier (even in another session) and saves its people.</para>
    /// </example>
    /// <example>
    /// <code>Wait-SpLeadExtraction -Id lxc_0001 -TimeoutSec 60 -PollIntervalSec 5</code>
    /// <para>Waits at most a minute, polling every 5 seconds at first.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Wait, "SpLeadExtraction", HelpUri = HelpLinks.FindLeads)]
    [OutputType(typeof(LeadExtractionJob))]
    public sealed class WaitSpLeadExtractionCommand : LeadJobCmdlet<LeadExtractionJob>
    {
        /// <summary>The lead extraction id(s) to wait for. Binds by property name (Id, ExtractionId), so Start-SpLeadExtraction output pipes in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ExtractionId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>How long to wait for each lead extraction, in seconds (default 1800); it goes on at SendPilot after that.</summary>
        [Parameter]
        [ValidateRange(1, 86_400)]
        public int TimeoutSec { get; set; } = LeadSourcingInput.DefaultTimeoutSec;

        /// <summary>The first pause between polls, in seconds (default 2); later pauses grow up to 30 seconds.</summary>
        [Parameter]
        [ValidateRange(1, 300)]
        public int PollIntervalSec { get; set; } = LeadSourcingInput.DefaultPollIntervalSec;

        internal override LeadJobKind<LeadExtractionJob> Kind => LeadJobKinds.Extraction;

        protected override void ProcessItem()
        {
            foreach (string id in Id)
                if (WaitFor(id, null, TimeoutSec, PollIntervalSec) is { } job) WriteModel(job);
        }
    }
}
