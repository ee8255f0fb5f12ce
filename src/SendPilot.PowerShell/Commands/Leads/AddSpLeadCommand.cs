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
    /// their type; dates are sent as ISO 8601; a nested object or list rejects the row. A lead from Get-SpLead (or a CSV exported
    /// from Get-SpLead -Full) copies its known and custom fields only, never its id, status, timestamps or Data. When the first row
    /// has no LinkedIn URL column at all, the upload stops at once with one error naming the columns seen and the likely fix.</para>
    /// <para>linkedinUrl is required and must be a profile URL (linkedin.com/in/&lt;slug&gt;); it is normalised before sending.
    /// Sales Navigator links and internal ACoAA… ids are rejected. A URL repeated within the upload (same campaign) is not sent again.</para>
    /// <para>Rows are sent in batches of -BatchSize as soon as a batch fills, with up to -ThrottleLimit batches in flight; a 429 pauses
    /// every batch for its Retry-After. The upload starts before the input ends and memory stays flat however long the input is.</para>
    /// <para>Every problem row is a non-terminating error record whose TargetObject is the row as given (SendPilot.LeadRejected,
    /// SendPilot.LeadFailed, SendPilot.LeadNotSent; a repeated URL is counted and told at -Verbose, never an error), so -ErrorVariable collects a file to fix
    /// and re-import. The output is one summary per campaign: Submitted = Added + DuplicatesSkipped + Invalid + Failed. A -CampaignId
    /// parameter is checked with one GET before any batch is sent (rows read meanwhile are checked, none is sent). A 401, 403 or unknown campaign named by the rows stops the upload with
    /// a terminating error after reporting every row that was not sent.</para>
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
    /// <code>Get-SpLead -CampaignId camp_xyz789 -Status REPLY_RECEIVED -Full | Add-SpLead -CampaignId camp_sbx_10</code>
    /// <para>Copies the leads that replied into another campaign, with their custom fields.</para>
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

        private readonly NoteProperties _notes = new NoteProperties();
        private LeadUploader? _uploader;
        private Task? _campaignCheck;
        private long _expected = -1;
        private long _rowsRead;
        private long _lastProgressTicks;
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

        protected override void Begin()
        {
            var options = new LeadUploadOptions
            {
                BatchSize = BatchSize,
                ThrottleLimit = ThrottleLimit,
                PropertyMap = PropertyMap?.Cast<DictionaryEntry>()
                    .Select(e => new KeyValuePair<string, string?>(e.Key?.ToString() ?? "", e.Value?.ToString())),
            };
            // Checked while the first batch is read (in a cold process both are slow), and waited for before the row
            // that could fill it: no batch is sent to a campaign that was not found.
            if (MyInvocation.BoundParameters.ContainsKey(nameof(CampaignId))) _campaignCheck = Client.CheckCampaignAsync(CampaignId!, CancelToken);
            _uploader = Client.UploadLeads(options, this, CancelToken);
        }

        protected override void ProcessItem()
        {
            if (!MyInvocation.ExpectingInput && InputObject?.BaseObject is IList list && !(InputObject.BaseObject is IDictionary))
            {
                // -InputObject $rows: the size is known, so progress shows a percentage.
                _expected = list.Count;
                foreach (object? item in list)
                    if (!Add(item == null ? null : PSObject.AsPSObject(item))) return;
                return;
            }
            Add(InputObject);
        }

        protected override void End()
        {
            CheckCampaign();
            LeadUploadResult result = Await(_uploader!.CompleteAsync());
            Finish(result);
        }

        /// <summary>One GET before any batch can be sent, so a wrong -CampaignId fails once instead of once per buffered row.</summary>
        private void CheckCampaign()
        {
            if (_campaignCheck == null) return;
            string campaignId = CampaignId!;
            try
            {
                Await(_campaignCheck);
                _campaignCheck = null;
            }
            catch (SendPilotApiException failure)
            {
                bool notFound = failure.Kind == ApiErrorKind.NotFound;
                throw new TerminatingCmdletError(ErrorRecords.FromApi(failure, campaignId,
                    notFound ? "SendPilot.CampaignNotFound" : null,
                    notFound ? $"Campaign {campaignId} was not found, so no lead was sent" : $"Campaign {campaignId} could not be checked, so no lead was sent",
                    notFound ? "Check the id with Get-SpCampaign (Tab completes campaign ids), then run the upload again." : null));
            }
        }

        /// <summary>Hands one row to the uploader; false once the upload has stopped (and has been finished).</summary>
        private bool Add(PSObject? row)
        {
            if (_rowsRead + 1 >= BatchSize) CheckCampaign();
            string? campaignId = CampaignId ?? LeadRows.CampaignOf(row);
            IReadOnlyList<RowField>? fields = LeadRows.Fields(row, _notes);
            Task<bool> added = _uploader!.AddAsync(campaignId, fields, row);
            bool stopped = added.IsCompleted ? added.GetAwaiter().GetResult() : Await(added);
            if (++_rowsRead == 1 && !stopped) stopped = CheckColumns(row, fields);
            if (!stopped) return true;
            Finish(Await(_uploader.StopAsync()));
            return false;
        }

        /// <summary>
        /// On the first row: warns about -PropertyMap keys that match no column, and stops (after reporting the row)
        /// when no column is a LinkedIn URL, since rows of one shape would all fail the same way.
        /// </summary>
        private bool CheckColumns(PSObject? row, IReadOnlyList<RowField>? fields)
        {
            if (fields == null || !LeadRows.HasColumns(row)) return false;
            List<string> columns = fields.Select(f => f.Name).ToList();
            foreach (string key in LeadColumns.UnmatchedMapKeys(PropertyMap, columns))
                WriteWarning(LeadColumns.UnmatchedMapKeyWarning(key, columns));
            if (row!.BaseObject is IDictionary || _uploader!.HasUrlColumn(columns)) return false;
            Finish(Await(_uploader.StopAsync()), LeadColumns.NoUrlColumn(columns, row));
            return true;
        }

        private void Finish(LeadUploadResult result, ErrorRecord? stop = null)
        {
            WriteProgress(new ProgressRecord(ProgressId, "Adding leads", "Done") { RecordType = ProgressRecordType.Completed });
            bool preview = PreferenceWanted("WhatIf", "WhatIfPreference");
            if (!preview)
                foreach (LeadUploadSummary summary in result.Summaries) WriteObject(summary);
            if (stop != null) throw new TerminatingCmdletError(stop);
            if (result.StoppedBy is SendPilotApiException refused) throw new TerminatingCmdletError(Stopped(refused, result.NotSent));
        }

        private ErrorRecord Stopped(SendPilotApiException refused, long notSent)
        {
            string campaign = string.IsNullOrEmpty(CampaignId) ? "" : " to campaign " + CampaignId;
            string next = refused.Kind == ApiErrorKind.NotFound
                ? "check the campaign id with Get-SpCampaign"
                : "check the key and its scopes with Get-SpContext";
            return ErrorRecords.FromApi(refused, CampaignId, "SendPilot.LeadUploadStopped",
                $"The upload{campaign} stopped and {notSent} row(s) were not sent",
                $"Each unsent row has a SendPilot.LeadNotSent error record and rows after them were not read; {next}, then run the upload again (rows already added count as duplicates).");
        }

        void ILeadUploadListener.RowProblem(LeadRowProblem problem)
        {
            // Skipping a repeated row is expected, not an error: it is counted and told at Verbose, whatever the preferences.
            if (problem.Kind == LeadProblemKind.Duplicate) PostToPipeline(() => WriteVerbose(LeadErrors.Where(problem) + " skipped: " + problem.Reason));
            else PostToPipeline(() => WriteError(LeadErrors.ForRow(problem)));
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
