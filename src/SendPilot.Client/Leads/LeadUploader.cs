using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SendPilot.Client.Http;
using SendPilot.Client.Json;
using SendPilot.Client.Models;
using System.Runtime.CompilerServices;

namespace SendPilot.Client.Leads
{
    public sealed class LeadUploadOptions
    {
        public const int MaxBatchSize = 100;
        public const int MaxThrottleLimit = 16;

        /// <summary>Leads per request (1–100).</summary>
        public int BatchSize { get; set; } = MaxBatchSize;

        /// <summary>Requests in flight at once (1–16).</summary>
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>Input name → lead field name; an empty target drops the column.</summary>
        public IEnumerable<KeyValuePair<string, string?>>? PropertyMap { get; set; }
    }

    /// <summary>
    /// Streams rows into POST /leads: validates and normalises each row, drops URLs already seen in this
    /// upload, sends a batch as soon as it is full with at most ThrottleLimit in flight (a 429 pauses them
    /// all), maps the API's errors[] back to the rows, and accounts for every row exactly once.
    /// Add/Complete are called from one thread (the caller's); the returned task completes once there is
    /// room for the next row, which is what keeps memory flat: at most ThrottleLimit batches in flight,
    /// ThrottleLimit more ready to go (so a freed slot never waits for rows to be read) and one filling
    /// per campaign. A row's data is released when its batch is answered.
    /// </summary>
    public sealed class LeadUploader : IDisposable
    {
        private readonly SendPilotClient _client;
        private readonly LeadUploadOptions _options;
        private readonly ILeadUploadListener _listener;
        private readonly LeadRowReader _reader;
        private readonly RequestGate _gate = new RequestGate();
        private readonly CancellationTokenSource _cancel;
        private readonly BatchScheduler<Batch> _scheduler;
        private readonly Dictionary<string, CampaignUpload> _campaigns = new Dictionary<string, CampaignUpload>(StringComparer.Ordinal);
        private readonly List<CampaignUpload> _campaignOrder = new List<CampaignUpload>();
        // Progress counters: rows are counted on the adding thread, batches on any; read together only for display.
        private long _rowsReceived, _rowsDone;
        private int _batchesSent, _batchesDone;
        // Batches are serialised one at a time, on the thread that adds rows: one buffer and writer serve them all.
        private readonly ReusableBuffer _body = new ReusableBuffer(64 * 1024);
        private Utf8JsonWriter? _bodyWriter;
        private long _rowNumber;
        private long _notSent;
        private SendPilotApiException? _stoppedBy;

        public LeadUploader(SendPilotClient client, LeadUploadOptions options, ILeadUploadListener listener, CancellationToken cancellationToken)
        {
            _client = client;
            _options = options;
            _listener = listener;
            if (options.BatchSize < 1 || options.BatchSize > LeadUploadOptions.MaxBatchSize) throw new ArgumentOutOfRangeException(nameof(options), "BatchSize must be 1 to 100.");
            if (options.ThrottleLimit < 1 || options.ThrottleLimit > LeadUploadOptions.MaxThrottleLimit) throw new ArgumentOutOfRangeException(nameof(options), "ThrottleLimit must be 1 to 16.");
            _reader = new LeadRowReader(options.PropertyMap);
            _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _scheduler = new BatchScheduler<Batch>(options.ThrottleLimit, _cancel.Token,
                starting: CountStarted, send: SendAsync, finished: ReportDone,
                dropped: batch => NotSent(batch.Campaign, batch.Rows, StoppedReason));
        }

        private static readonly Task<bool> Going = Task.FromResult(false);
        private static readonly Task<bool> Stopped = Task.FromResult(true);

        /// <summary>Set once a 401, 403 or unknown campaign stopped the upload.</summary>
        public SendPilotApiException? StoppedBy => Volatile.Read(ref _stoppedBy);

        private string StoppedReason => "the upload stopped: " + StoppedBy!.Message;

        /// <summary>Whether any of these column names means the LinkedIn URL (after the property map).</summary>
        public bool HasUrlColumn(IEnumerable<string> columns) => _reader.HasUrlColumn(columns);

        /// <summary>
        /// Takes one row (null for a $null input, which counts as invalid). Problems are reported to the listener.
        /// The task completes when the row is buffered (usually at once) or, when its batch filled, once the batch
        /// has a slot and is on its way. Its result is true once the upload has stopped: add nothing more and call
        /// <see cref="StopAsync"/>.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public Task<bool> AddAsync(string? campaignId, IReadOnlyList<RowField>? row, object? source)
        {
            long number = ++_rowNumber;
            Volatile.Write(ref _rowsReceived, number);
            if (string.IsNullOrWhiteSpace(campaignId))
                return Rejected(null, number, source, row == null
                    ? "the row is $null, and there is no campaign to add it to."
                    : "No campaign: none was given for the upload and the row has no campaignId column or property.");
            CampaignUpload campaign = Campaign(campaignId!.Trim());
            campaign.RowSubmitted();
            if (row == null) return Rejected(campaign, number, source, "the row is $null; there is nothing to add.");

            PreparedLead? lead = _reader.Read(row, out string? reason);
            if (lead == null) return Rejected(campaign, number, source, reason!);
            if (!campaign.Seen.Add(lead.Key))
            {
                campaign.Count(c => c.DuplicatesSkipped++);
                RowsDone(1);
                _listener.RowProblem(new LeadRowProblem(LeadProblemKind.Duplicate, campaign.Id, number, source, lead.LinkedinUrl,
                    $"{lead.LinkedinUrl} is already in this upload for {campaign.Id}; not sent again."));
                return Outcome();
            }
            if (StoppedBy != null)
            {
                NotSent(campaign, new[] { new PendingRow(number, source, lead) }, StoppedReason);
                return Stopped;
            }

            campaign.Open.Add(new PendingRow(number, source, lead));
            return campaign.Open.Count >= _options.BatchSize ? AfterDispatchAsync(campaign) : Going;
        }

        private Task<bool> Outcome() => StoppedBy == null ? Going : Stopped;

        private Task<bool> Rejected(CampaignUpload? campaign, long number, object? source, string reason)
        {
            campaign?.Count(c => c.Invalid++);
            RowsDone(1);
            _listener.RowProblem(new LeadRowProblem(LeadProblemKind.Rejected, campaign?.Id ?? "", number, source, null, reason));
            return Outcome();
        }

        private async Task<bool> AfterDispatchAsync(CampaignUpload campaign)
        {
            await DispatchAsync(campaign, campaign.TakeOpen()).ConfigureAwait(false);
            return StoppedBy != null;
        }

        /// <summary>Sends what is left, waits for every batch and returns the summaries.</summary>
        public async Task<LeadUploadResult> CompleteAsync()
        {
            // Decide (ShouldProcess) every last batch on the caller's thread before awaiting anything.
            var last = new List<Batch>();
            foreach (CampaignUpload campaign in _campaignOrder)
                if (campaign.Open.Count > 0 && StoppedBy == null && Prepare(campaign, campaign.TakeOpen()) is Batch batch)
                    last.Add(batch);
            foreach (Batch batch in last)
                await _scheduler.EnqueueAsync(batch).ConfigureAwait(false);
            await _scheduler.WaitIdleAsync().ConfigureAwait(false);
            return await StopAsync().ConfigureAwait(false);
        }

        /// <summary>Sends nothing more: rows not yet sent are reported as such; waits for batches in flight.</summary>
        public async Task<LeadUploadResult> StopAsync()
        {
            string reason = StoppedBy != null ? StoppedReason : "the upload stopped before this row's batch was sent.";
            foreach (CampaignUpload campaign in _campaignOrder)
                if (campaign.Open.Count > 0) NotSent(campaign, campaign.TakeOpen(), reason);
            foreach (Batch batch in _scheduler.TakeReady()) NotSent(batch.Campaign, batch.Rows, reason);
            await _scheduler.WaitIdleAsync().ConfigureAwait(false);
            return new LeadUploadResult(_campaignOrder.Select(c => c.Summary()).ToList(), StoppedBy, Interlocked.Read(ref _notSent));
        }

        private CampaignUpload Campaign(string id)
        {
            if (!_campaigns.TryGetValue(id, out CampaignUpload? campaign))
            {
                campaign = new CampaignUpload(id);
                _campaigns.Add(id, campaign);
                _campaignOrder.Add(campaign);
            }
            return campaign;
        }

        private Task DispatchAsync(CampaignUpload campaign, List<PendingRow> rows) =>
            Prepare(campaign, rows) is Batch batch ? _scheduler.EnqueueAsync(batch) : Task.CompletedTask;

        /// <summary>On the caller's thread: asks the listener, then serialises the batch (null when it is not to be sent).</summary>
        private Batch? Prepare(CampaignUpload campaign, List<PendingRow> rows)
        {
            int number = ++campaign.BatchesPlanned;
            var preview = new LeadBatchPreview(campaign.Id, number, rows[0].Number, rows[rows.Count - 1].Number,
                rows.Select(r => r.Url).ToList());
            switch (_listener.Decide(preview))
            {
                case BatchDecision.Preview:
                    RowsDone(rows.Count);
                    return null;
                case BatchDecision.Decline:
                    NotSent(campaign, rows, "not sent: the batch was declined at the confirmation prompt.");
                    return null;
                default:
                    return new Batch(campaign, number, rows, Serialize(campaign.Id, rows));
            }
        }

        /// <summary>Called under the scheduler's lock as the batch takes a slot.</summary>
        private void CountStarted(Batch batch)
        {
            batch.Campaign.Count(c => c.Batches++);
            Interlocked.Increment(ref _batchesSent);
        }

        private async Task SendAsync(Batch batch)
        {
            try
            {
                var request = new ApiRequest(HttpMethod.Post, "/leads") { Delivery = DeliveryMode.Repeatable, Gate = _gate, JsonBody = batch.Body };
                batch.Body = null;
                ApiResponse response = await _client.SendAsync(request, _cancel.Token).ConfigureAwait(false);
                Account(batch, response);
            }
            catch (SendPilotApiException stop) when (StopsUpload(stop))
            {
                Interlocked.CompareExchange(ref _stoppedBy, stop, null);
                _scheduler.Stop();
                NotSent(batch.Campaign, batch.Rows, $"the API refused the batch ({stop.Message}).", stop);
            }
            catch (SendPilotApiException failure)
            {
                Fail(batch, failure.Message, failure);
            }
            catch (OperationCanceledException)
            {
                NotSent(batch.Campaign, batch.Rows, "the upload was cancelled while this row's batch was in flight; its outcome is unknown (re-running is safe).");
            }
            catch (Exception unexpected)
            {
                Fail(batch, unexpected.Message, null);
            }
            finally
            {
                batch.Rows.Clear();
            }
        }

        /// <summary>After the batch's slot was handed on.</summary>
        private void ReportDone(Batch batch)
        {
            Interlocked.Increment(ref _batchesDone);
            _listener.BatchDone(Snapshot());
        }

        private static bool StopsUpload(SendPilotApiException failure) =>
            failure.Kind == ApiErrorKind.Authentication || failure.Kind == ApiErrorKind.PermissionDenied || failure.Kind == ApiErrorKind.NotFound;

        /// <summary>Maps the API's counts and errors[] onto the batch's rows.</summary>
        private void Account(Batch batch, ApiResponse response)
        {
            int size = batch.Rows.Count;
            BatchAnswer answer = BatchAnswer.Read(response.Body, size);
            if (answer.Refusal != null)
            {
                Fail(batch, $"the API answered {response.StatusCode} with success: false ({answer.Refusal}); the rows were not added", null);
                return;
            }
            if (answer.CountsMissing != null)
            {
                batch.Campaign.Count(c => c.UnknownAnswers++);
                Fail(batch, $"the API answered {response.StatusCode} with {answer.CountsMissing} and no leadsAdded count, so whether the row was added is unknown (re-sending is safe: the API skips leads it already has)", null);
                return;
            }
            foreach (var rejected in answer.Rejected)
            {
                PendingRow row = batch.Rows[rejected.Key];
                _listener.RowProblem(new LeadRowProblem(LeadProblemKind.Rejected, batch.Campaign.Id, row.Number, row.Source, row.Url, rejected.Value));
            }

            int mapped = answer.Rejected.Count;
            long invalid = Math.Min(Math.Max(answer.Invalid, mapped), size);
            long duplicates = Math.Min(answer.Duplicates, size - invalid);
            long added = Math.Min(answer.Added, size - invalid - duplicates);
            long unaccounted = size - invalid - duplicates - added;

            batch.Campaign.Count(c =>
            {
                c.Added += added;
                c.DuplicatesSkipped += duplicates;
                c.Invalid += invalid;
                c.Failed += unaccounted;
                if (response.UncertainAttempts > 0) c.RetriedUncertain++;
                if (invalid > mapped) c.UnmappedInvalid += invalid - mapped;
                if (unaccounted > 0) c.Unaccounted += unaccounted;
            });
            RowsDone(size);
        }

        private void Fail(Batch batch, string reason, SendPilotApiException? failure)
        {
            batch.Campaign.Count(c => c.Failed += batch.Rows.Count);
            foreach (PendingRow row in batch.Rows)
                _listener.RowProblem(new LeadRowProblem(LeadProblemKind.Failed, batch.Campaign.Id, row.Number, row.Source, row.Url,
                    $"batch {batch.Number} failed: {reason}", failure));
            RowsDone(batch.Rows.Count);
        }

        private void NotSent(CampaignUpload campaign, IReadOnlyList<PendingRow> rows, string reason, SendPilotApiException? failure = null)
        {
            campaign.Count(c => c.Failed += rows.Count);
            Interlocked.Add(ref _notSent, rows.Count);
            RowsDone(rows.Count);
            foreach (PendingRow row in rows)
                _listener.RowProblem(new LeadRowProblem(LeadProblemKind.NotSent, campaign.Id, row.Number, row.Source, row.Url, reason, failure));
        }

        private void RowsDone(int count)
        {
            Interlocked.Add(ref _rowsDone, count);
        }

        private LeadUploadProgress Snapshot() => new LeadUploadProgress
        {
            RowsReceived = Volatile.Read(ref _rowsReceived), RowsDone = Interlocked.Read(ref _rowsDone),
            BatchesSent = Volatile.Read(ref _batchesSent), BatchesDone = Volatile.Read(ref _batchesDone),
        };

        /// <summary>{"campaignId":…,"leads":[{"linkedinUrl":…, fields…}, …]}; the rows' field values are released.</summary>
        [MethodImpl(HotPath.Optimized)]
        private byte[] Serialize(string campaignId, List<PendingRow> rows)
        {
            _body.Clear();
            Utf8JsonWriter writer = _bodyWriter ??= new Utf8JsonWriter(_body);
            writer.Reset(_body);
            writer.WriteStartObject();
            writer.WriteString("campaignId", campaignId);
            writer.WriteStartArray("leads");
            foreach (PendingRow row in rows)
            {
                PreparedLead lead = row.Lead!;
                writer.WriteStartObject();
                writer.WriteString(EncodedName(LeadFieldNames.LinkedinUrl), lead.LinkedinUrl);
                foreach (var field in lead.Fields)
                {
                    writer.WritePropertyName(EncodedName(field.Key));
                    JsonBody.WriteValue(writer, field.Value);
                }
                writer.WriteEndObject();
                row.Release();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            return _body.ToArray();
        }

        /// <summary>Field names repeat on every lead: each is escaped and encoded once.</summary>
        private JsonEncodedText EncodedName(string name)
        {
            if (_encodedNames.TryGetValue(name, out JsonEncodedText encoded)) return encoded;
            encoded = JsonEncodedText.Encode(name);
            if (_encodedNames.Count < MaxEncodedNames) _encodedNames[name] = encoded;
            return encoded;
        }

        private const int MaxEncodedNames = 1024;
        private readonly Dictionary<string, JsonEncodedText> _encodedNames = new Dictionary<string, JsonEncodedText>(StringComparer.Ordinal);

        public void Dispose()
        {
            _bodyWriter?.Dispose();
            _cancel.Cancel();
            _cancel.Dispose();
        }
    }
}
