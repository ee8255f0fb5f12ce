using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using SendPilot.Client;
using SendPilot.Client.LeadSourcing;
using SendPilot.Client.Models;
using SendPilot.Client.Paging;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.LeadSourcing
{
    /// <summary>
    /// What the lead-sourcing cmdlets share: reading a job by id, waiting for it with progress, and streaming its
    /// results. Failures of one job are non-terminating errors naming it and saying what to do next.
    /// </summary>
    public abstract class LeadJobCmdlet<TJob> : SendPilotCmdlet where TJob : LeadSourcingJob
    {
        private const int ProgressId = 4731;

        internal abstract LeadJobKind<TJob> Kind { get; }

        /// <summary>The job, or null after a non-terminating error when SendPilot does not know the id.</summary>
        protected TJob? ReadJob(string id)
        {
            try
            {
                return Await(Kind.Get(Client, id, CancelToken));
            }
            catch (SendPilotApiException notFound) when (notFound.Kind == ApiErrorKind.NotFound)
            {
                WriteError(LeadSourcingErrors.NotFound(notFound, Kind, id));
                return null;
            }
        }

        /// <summary>
        /// Starts a job and writes it, or with <paramref name="wait"/> waits and writes its final state. Too few credits, or a
        /// start that may have reached SendPilot, ends the command with a sentence saying what to do.
        /// </summary>
        protected void StartJob(string what, long people, Func<Task<TJob>> start, bool wait, int timeoutSec)
        {
            TJob job;
            try
            {
                job = Await(start());
            }
            catch (SendPilotApiException refused) when (LeadSourcingErrors.StartRefused(refused, what, people) is { } record)
            {
                throw new TerminatingCmdletError(record);
            }
            if (!wait)
            {
                WriteModel(job);
                return;
            }
            if (WaitFor(job.Id, job, timeoutSec, LeadSourcingInput.DefaultPollIntervalSec) is { } done)
            {
                done.KeepStartFacts(job);
                WriteModel(done);
            }
        }

        /// <summary>Polls until the job completes (returned), fails or the time runs out (both non-terminating errors, null).</summary>
        protected TJob? WaitFor(string id, TJob? known, int timeoutSec, int pollIntervalSec)
        {
            var options = new LeadJobWaitOptions
            {
                Timeout = TimeSpan.FromSeconds(timeoutSec),
                PollInterval = TimeSpan.FromSeconds(pollIntervalSec),
            };
            LeadJobWaitResult<TJob> result;
            try
            {
                result = Await(LeadJobWaiter.WaitAsync(token => Kind.Get(Client, id, token), known, options,
                    job => PostToPipeline(() => WriteProgress(Progress(id, job))), CancelToken));
            }
            catch (SendPilotApiException notFound) when (notFound.Kind == ApiErrorKind.NotFound)
            {
                WriteError(LeadSourcingErrors.NotFound(notFound, Kind, id));
                return null;
            }
            catch (Exception stopped) when (CancelToken.IsCancellationRequested && (stopped is OperationCanceledException || stopped is PipelineStoppedException))
            {
                // Said on the pipeline thread, before the stop completes; the host still shows lines while the pipeline stops.
                TellStoppedWaiting(id);
                throw;
            }
            WriteProgress(new ProgressRecord(ProgressId, Activity(id, result.Job), "Done") { RecordType = ProgressRecordType.Completed });
            return Outcome(id, result);
        }

        /// <summary>Streams a completed job's results in order; a job not completed, or results past the offset ceiling, are errors.</summary>
        protected void WriteResults(string id, Func<LeadResultWindow, PagedList<LeadSearchResult>> open)
        {
            TJob? job = ReadJob(id);
            if (job == null) return;
            if (!job.IsCompleted)
            {
                WriteError(LeadSourcingErrors.NotCompleted(Kind, id, job));
                return;
            }
            var window = new LeadResultWindow { Skip = (long)PagingParameters.Skip };
            if (PagingParameters.First != ulong.MaxValue) window.First = (long)Math.Min(PagingParameters.First, long.MaxValue);
            if (window.First == 0) return;
            using PagedList<LeadSearchResult> pages = open(window);
            try
            {
                WritePages(pages);
            }
            catch (OffsetCeilingException ceiling)
            {
                WriteError(LeadSourcingErrors.CutOff(Kind, id, job, pages.FirstPage?.Total, ceiling));
            }
        }

        private void TellStoppedWaiting(string id)
        {
            try
            {
                Host.UI.WriteWarningLine(LeadSourcingErrors.StoppedWaiting(Kind, id));
            }
            catch (Exception)
            {
                // Ctrl+C must stop the command even if the host cannot show the line.
            }
        }

        /// <summary>Writes up to -First results; -Skip is already the starting offset of the pages.</summary>
        private void WritePages(PagedList<LeadSearchResult> pages)
        {
            IReadOnlyList<LeadSearchResult>? page;
            ulong left = PagingParameters.First;
            while (left > 0 && (page = Await(pages.NextAsync(CancelToken))) != null)
            {
                if (left == PagingParameters.First && PagingParameters.IncludeTotalCount)
                    WriteObject(PagingParameters.NewTotalCount((ulong)Math.Max(0, pages.FirstPage?.Total ?? 0), 1.0));
                foreach (LeadSearchResult result in page)
                {
                    if (left == 0) break;
                    left--;
                    WriteModel(result);
                }
            }
        }

        private TJob? Outcome(string id, LeadJobWaitResult<TJob> result)
        {
            if (result.TimedOut)
            {
                WriteError(LeadSourcingErrors.TimedOut(Kind, id, result.Job, result.Waited));
                return null;
            }
            if (result.Job!.Status == LeadSourcingJob.Failed)
            {
                WriteError(LeadSourcingErrors.Failed(Kind, id, result.Job));
                return null;
            }
            return result.Job;
        }

        private ProgressRecord Progress(string id, TJob job)
        {
            var record = new ProgressRecord(ProgressId, Activity(id, job), Counts(job));
            if (job.Progress?.Percent is int percent) record.PercentComplete = percent;
            return record;
        }

        private string Activity(string id, TJob? job) => $"Waiting for {Kind.Noun} {LeadJobKind<TJob>.Named(id, job)}";

        private static string Counts(TJob job)
        {
            LeadSearchProgress? progress = job.Progress;
            string status = job.Status ?? "unknown";
            if (progress?.Found is long found && progress.Requested is long requested)
                status += $": {found:N0} of {requested:N0} found" + (progress.Enriched is long enriched ? $", {enriched:N0} enriched" : "");
            else if (progress?.Percent is int percent)
                status += $": {percent} %";
            return status;
        }
    }
}
