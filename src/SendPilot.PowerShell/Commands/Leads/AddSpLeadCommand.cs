using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SendPilot.Client;
using SendPilot.Client.Leads;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Completers;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Leads
{
    /// <summary>Adds leads to campaigns in batches, streaming from the pipeline, and accounts for every row.</summary>
    /// <remarks>
    /// <para>Each input row (an Import-Csv row, a [pscustomobject], a hashtable or any object) becomes one lead. Well-known
    /// columns are matched ignoring case, spaces, '_' and '-' (linkedinUrl, firstName, lastName, company, title, email; 'Profile URL',
    /// 'linkedin' and 'linkedInProfileUrl' also mean linkedinUrl); -PropertyMap renames others. Every other column is sent as a flat
    /// custom field under its own name, usable in message templates as {{name}}. Empty cells are left out; numbers and booleans keep
    /// their type; dates are sent as ISO 8601; a nested object or list rejects the row.</para>
    /// <para>linkedinUrl is required and must be a profile URL (linkedin.com/in/&lt;slug&gt;); it is normalised before sending.
    /// Sales Navigator links and internal ACoAA… ids are rejected. A URL repeated within the upload (same campaign) is not sent again.</para>
    /// <para>Rows are sent in batches of -BatchSize as soon as a batch fills, with up to -ThrottleLimit batches in flight; a 429 pauses
    /// every batch for its Retry-After. The upload starts before the input ends and memory stays flat however long the input is.</para>
    /// <para>Every problem row is a non-terminating error record whose TargetObject is the row as given (SendPilot.LeadRejected,
    /// SendPilot.LeadFailed, SendPilot.LeadNotSent; SendPilot.LeadDuplicate only with -Verbose), so -ErrorVariable collects a file to fix
    /// and re-import. The output is one summary per campaign: Submitted = Added + DuplicatesSkipped + Invalid + Failed. A 401, 403 or
    /// unknown campaign stops the upload with a terminating error after reporting every row that was not sent.</para>
    /// <para>Re-running the same upload is safe: the API skips URLs the campaign already has and counts them as duplicates.</para>
    /// </remarks>
    /// <example>
    /// <code>Import-Csv .\leads.csv | Add-SpLead -CampaignId camp_xyz789</code>
    /// <para>Uploads a CSV in batches of 100 and prints the summary.</para>
    /// </example>
    /// <example>
    /// <code>Import-Csv .\leads.csv | Add-SpLead -CampaignId camp_xyz789 -ErrorVariable bad; $bad.TargetObject | Export-Csv .\to-fix.csv</code>
    /// <para>Uploads, then writes every rejected or failed row, as it was read, to a file to fix and re-import.</para>
    /// </example>
    /// <example>
    /// <code>Import-Csv .\leads.csv | Add-SpLead -CampaignId camp_xyz789 -PropertyMap @{ 'Given' = 'firstName'; 'Internal notes' = '' } -WhatIf</code>
    /// <para>Renames the 'Given' column, drops 'Internal notes', validates every row and shows each batch without sending anything.</para>
    /// </example>
    /// <example>
    /// <code>@( @{ campaignId = 'camp_a'; linkedinUrl = 'linkedin.com/in/ann' }, @{ campaignId = 'camp_b'; linkedinUrl = 'linkedin.com/in/bo' } ) | Add-SpLead</code>
    /// <para>Rows name their own campaign; they are batched per campaign and there is one summary per campaign.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Add, "SpLead", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.UploadLeads)]
    [OutputType(typeof(LeadUploadSummary))]
    public sealed class AddSpLeadCommand : SendPilotCmdlet, ILeadUploadListener
    {
        private const int ProgressId = 4711;
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

        /// <summary>A row to add: an Import-Csv row, [pscustomobject], hashtable, typed object, or a bare profile URL string. Binds from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowNull]
        public PSObject? InputObject { get; set; }

        /// <summary>The campaign to add the rows to. Also binds by property name, so rows (or campaign objects) may carry their own campaignId; rows are batched per campaign.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [CampaignIdCompletion]
        public string? CampaignId { get; set; }

        /// <summary>Renames input columns: @{ 'input name' = 'lead field' }. Names match ignoring case. An empty target drops the column.</summary>
        [Parameter]
        public Hashtable? PropertyMap { get; set; }

        /// <summary>Leads per request, 1 to 100. Default 100.</summary>
        [Parameter]
        [ValidateRange(1, LeadUploadOptions.MaxBatchSize)]
        public int BatchSize { get; set; } = LeadUploadOptions.MaxBatchSize;

        /// <summary>Batches in flight at once, 1 to 16. Default 4.</summary>
        [Parameter]
        [ValidateRange(1, LeadUploadOptions.MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = 4;

        private LeadUploader? _uploader;
        private bool _verbose;
        private long _expected = -1;
        private long _lastProgressTicks;
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

        protected override void Begin()
        {
            _verbose = PreferenceWanted("Verbose", "VerbosePreference");
            var options = new LeadUploadOptions
            {
                BatchSize = BatchSize,
                ThrottleLimit = ThrottleLimit,
                PropertyMap = PropertyMap?.Cast<DictionaryEntry>()
                    .Select(e => new KeyValuePair<string, string?>(e.Key?.ToString() ?? "", e.Value?.ToString())),
            };
            _uploader = Client.UploadLeads(options, this, CancelToken);
        }

        protected override void ProcessItem()
        {
            if (InputObject == null) return;
            if (!MyInvocation.ExpectingInput && InputObject.BaseObject is IList list && !(InputObject.BaseObject is IDictionary))
            {
                // -InputObject $rows: the size is known, so progress shows a percentage.
                _expected = list.Count;
                foreach (object? item in list)
                    if (item != null && !Add(PSObject.AsPSObject(item))) return;
                return;
            }
            Add(InputObject);
        }

        protected override void End()
        {
            LeadUploadResult result = Await(_uploader!.CompleteAsync());
            Finish(result);
        }

        /// <summary>Hands one row to the uploader; false once the upload has stopped.</summary>
        private bool Add(PSObject row)
        {
            string? campaignId = CampaignId ?? LeadRows.CampaignOf(row);
            Task added = _uploader!.AddAsync(campaignId, LeadRows.Fields(row), row);
            if (!added.IsCompleted) Await(added);
            else added.GetAwaiter().GetResult();
            if (_uploader.StoppedBy == null) return true;
            Finish(Await(_uploader.StopAsync()));
            return false;
        }

        private void Finish(LeadUploadResult result)
        {
            WriteProgress(new ProgressRecord(ProgressId, "Adding leads", "Done") { RecordType = ProgressRecordType.Completed });
            bool preview = PreferenceWanted("WhatIf", "WhatIfPreference");
            if (!preview)
                foreach (LeadUploadSummary summary in result.Summaries) WriteObject(summary);
            if (result.StoppedBy is SendPilotApiException stop)
            {
                ErrorRecord record = ErrorRecords.FromApi(stop, CampaignId, "SendPilot.LeadUploadStopped");
                record.ErrorDetails = new ErrorDetails(
                    $"{stop.Message} The upload stopped: {result.NotSent} row(s) were not sent (each has a SendPilot.LeadNotSent error record); rows after them were not read.")
                {
                    RecommendedAction = record.ErrorDetails?.RecommendedAction ?? "Check the campaign id (Get-SpCampaign) and the key's scopes (Get-SpContext), then run the upload again; rows already added count as duplicates.",
                };
                throw new TerminatingCmdletError(record);
            }
        }

        void ILeadUploadListener.RowProblem(LeadRowProblem problem)
        {
            if (problem.Kind == LeadProblemKind.Duplicate && !_verbose) return;
            PostToPipeline(() => WriteError(LeadErrors.ForRow(problem)));
        }

        void ILeadUploadListener.BatchDone(LeadUploadProgress progress)
        {
            long now = _clock.Elapsed.Ticks;
            long last = Interlocked.Read(ref _lastProgressTicks);
            if (now - last < ProgressInterval.Ticks || Interlocked.CompareExchange(ref _lastProgressTicks, now, last) != last) return;
            PostToPipeline(() => WriteProgress(Progress(progress)));
        }

        BatchDecision ILeadUploadListener.Decide(LeadBatchPreview batch)
        {
            string shown = string.Join(", ", batch.Urls.Take(3)) + (batch.Count > 3 ? ", …" : "");
            string description = $"Add {batch.Count} lead(s) to {InWorkspace("campaign " + batch.CampaignId)} (batch {batch.Number}, rows {batch.FirstRow}-{batch.LastRow}: {shown})";
            if (ShouldProcess(description, description + "?", "Add-SpLead", out ShouldProcessReason reason)) return BatchDecision.Send;
            return reason == ShouldProcessReason.WhatIf ? BatchDecision.Preview : BatchDecision.Decline;
        }

        private ProgressRecord Progress(LeadUploadProgress progress)
        {
            var record = new ProgressRecord(ProgressId, "Adding leads",
                $"{progress.RowsDone:N0} of {progress.RowsReceived:N0} rows answered, {progress.BatchesDone:N0} of {progress.BatchesSent:N0} batches");
            if (_expected > 0) record.PercentComplete = (int)Math.Min(100, progress.RowsDone * 100 / _expected);
            return record;
        }
    }
}
