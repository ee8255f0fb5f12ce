using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SendPilot.Client;
using SendPilot.Client.Http;
using SendPilot.Client.Models;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>
    /// What every SendPilot cmdlet shares, connected or not: a cancellation token that Ctrl+C cancels,
    /// waiting on background work while writing its log lines from the pipeline thread, and the one
    /// place where failures become error records. Each cmdlet implements <see cref="ProcessItem"/>
    /// (and optionally Begin/End). Cmdlets that call the API derive from <see cref="SendPilotCmdlet"/>.
    /// </summary>
    public abstract class SendPilotCancellableCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly PipelineQueue _pipelineThread = new PipelineQueue();
        private ClientLog? _log;
        private Action? _processItem; // one delegate for every record, not one each

        protected CancellationToken CancelToken => _stopping.Token;

        /// <summary>Request lines to Verbose, wire detail to Debug, both written from the pipeline thread.</summary>
        protected ClientLog Log => _log ??= CreateLog();

        protected virtual void Begin() { }
        protected abstract void ProcessItem();
        protected virtual void End() { }

        protected sealed override void BeginProcessing() => Run(Begin);
        protected sealed override void ProcessRecord() => Run(_processItem ??= ProcessItem);
        protected sealed override void EndProcessing() => Run(End);
        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Waits for background work, writing what it posts meanwhile; rethrows its failure.</summary>
        protected T Await<T>(Task<T> task)
        {
            _pipelineThread.PumpUntil(task);
            return task.GetAwaiter().GetResult();
        }

        protected void Await(Task task)
        {
            _pipelineThread.PumpUntil(task);
            task.GetAwaiter().GetResult();
        }

        /// <summary>Runs a write on the pipeline thread; safe to call from any thread.</summary>
        protected void PostToPipeline(Action write) => _pipelineThread.Post(write);

        protected void WriteModel(ApiObject model) => WriteObject(PSObjectConverter.WithAdditionalFields(model));

        /// <summary>A per-item failure: the command goes on.</summary>
        protected void WriteApiError(SendPilotApiException exception, object? target, string? errorId = null) =>
            WriteError(ErrorRecords.FromApi(exception, target, errorId));

        private void Run(Action step)
        {
            try
            {
                step();
                _pipelineThread.Drain();
            }
            catch (TerminatingCmdletError terminating)
            {
                _pipelineThread.Drain();
                ThrowTerminatingError(terminating.Record);
            }
            catch (SendPilotApiException failure)
            {
                _pipelineThread.Drain();
                ThrowTerminatingError(ErrorRecords.FromApi(failure, null));
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        private ClientLog CreateLog()
        {
            // Without -Verbose (or $VerbosePreference) the request lines are never built: one per request adds up.
            Action<string>? verbose = PreferenceWanted("Verbose", "VerbosePreference") ? message => PostToPipeline(() => WriteVerbose(message)) : (Action<string>?)null;
            Action<string>? debug = PreferenceWanted("Debug", "DebugPreference") ? message => PostToPipeline(() => WriteDebug(message)) : (Action<string>?)null;
            return new ClientLog(verbose, debug, wait => PostToPipeline(() => WriteWaitProgress(wait)));
        }

        /// <summary>A long retry wait as a progress bar, so the console does not seem to hang; cleared when the wait ends.</summary>
        private void WriteWaitProgress(RetryWait wait) =>
            WriteProgress(new ProgressRecord(RetryWaitProgressId, wait.ToString(), wait.Ended ? "Retrying" : $"Retrying in {wait.Delay.TotalSeconds:0} s")
            {
                RecordType = wait.Ended ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            });

        private const int RetryWaitProgressId = 4712;

        /// <summary>
        /// Whether a common switch (-Verbose, -Debug, -WhatIf) is in effect: bound on this command, else
        /// inherited through its preference variable.
        /// </summary>
        protected bool PreferenceWanted(string switchName, string preferenceVariable)
        {
            if (MyInvocation.BoundParameters.TryGetValue(switchName, out object? flag))
                return flag is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(flag);
            object? preference = GetVariableValue(preferenceVariable);
            if (preference is ActionPreference action) return action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore;
            return LanguagePrimitives.IsTrue(preference is PSObject ps ? ps.BaseObject : preference);
        }

        public void Dispose()
        {
            _stopping.Dispose();
            _pipelineThread.Dispose();
        }
    }

    /// <summary>Carries a ready error record out of deep code to <see cref="Cmdlet.ThrowTerminatingError"/>.</summary>
    internal sealed class TerminatingCmdletError : Exception
    {
        public TerminatingCmdletError(ErrorRecord record) : base(record.Exception.Message, record.Exception) => Record = record;

        public ErrorRecord Record { get; }
    }
}
