using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using SendPilot.Client.Models;

namespace SendPilot.Client.Leads
{
    // The upload's bookkeeping: rows waiting for a batch, batches, and per-campaign counts.
    internal sealed class PendingRow
    {
        public PendingRow(long number, object? source, PreparedLead lead)
        {
            Number = number;
            Source = source;
            Lead = lead;
            Url = lead.LinkedinUrl;
        }

        public long Number { get; }
        public object? Source { get; }
        public string Url { get; }
        public PreparedLead? Lead { get; private set; }

        /// <summary>The fields are in the request body now; only what error reports need stays.</summary>
        public void Release() => Lead = null;
    }

    internal sealed class Batch
    {
        public Batch(CampaignUpload campaign, int number, List<PendingRow> rows, byte[] body)
        {
            Campaign = campaign;
            Number = number;
            Rows = rows;
            Body = body;
        }

        public CampaignUpload Campaign { get; }
        public int Number { get; }
        public List<PendingRow> Rows { get; }
        public byte[]? Body { get; set; }
    }

    internal sealed class CampaignUpload
    {
        private readonly object _gate = new object();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Counts _counts = new Counts();

        public CampaignUpload(string id) => Id = id;

        public string Id { get; }
        public FingerprintSet Seen { get; } = new FingerprintSet();
        public List<PendingRow> Open { get; private set; } = new List<PendingRow>();
        public int BatchesPlanned { get; set; }

        public List<PendingRow> TakeOpen()
        {
            List<PendingRow> rows = Open;
            Open = new List<PendingRow>();
            return rows;
        }

        /// <summary>Once per row read, on the adding thread: no lock.</summary>
        public void RowSubmitted() => Interlocked.Increment(ref _counts.Submitted);

        public void Count(Action<Counts> change)
        {
            lock (_gate) change(_counts);
        }

        public LeadUploadSummary Summary()
        {
            lock (_gate)
            {
                var notes = new List<string>();
                if (_counts.RetriedUncertain > 0)
                    notes.Add($"{_counts.RetriedUncertain} batch(es) were retried after an attempt whose outcome is unknown; if that attempt was processed, the API counted its leads as duplicates on the retry, so DuplicatesSkipped may include leads this upload added.");
                if (_counts.UnknownAnswers > 0)
                    notes.Add($"{_counts.UnknownAnswers} batch(es) were answered without counts, so their rows are counted as failed although some may have been added; re-sending them is safe.");
                if (_counts.UnmappedInvalid > 0)
                    notes.Add($"The API reported {_counts.UnmappedInvalid} invalid entries without saying which rows.");
                if (_counts.Unaccounted > 0)
                    notes.Add($"The API's counts left {_counts.Unaccounted} rows unaccounted; they are counted as failed.");
                return new LeadUploadSummary
                {
                    CampaignId = Id,
                    Submitted = Interlocked.Read(ref _counts.Submitted),
                    Added = _counts.Added,
                    DuplicatesSkipped = _counts.DuplicatesSkipped,
                    Invalid = _counts.Invalid,
                    Failed = _counts.Failed,
                    Batches = _counts.Batches,
                    UncertainBatches = _counts.RetriedUncertain + _counts.UnknownAnswers,
                    Elapsed = _clock.Elapsed,
                    Note = notes.Count == 0 ? null : string.Join(" ", notes),
                };
            }
        }
    }

    internal sealed class Counts
    {
        /// <summary>Only changed through <see cref="CampaignUpload.RowSubmitted"/>.</summary>
        public long Submitted;

        public long Added, DuplicatesSkipped, Invalid, Failed, UnmappedInvalid, Unaccounted;
        public int Batches, RetriedUncertain, UnknownAnswers;
    }
}
