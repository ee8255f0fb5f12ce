using System;
using System.Management.Automation;
using SendPilot.Client;
using SendPilot.Client.LeadSourcing;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.LeadSourcing
{
    /// <summary>The lead-sourcing error records: one sentence each, naming the job and saying what to do.</summary>
    internal static class LeadSourcingErrors
    {
        public static ErrorRecord NotFound<TJob>(SendPilotApiException notFound, LeadJobKind<TJob> kind, string id) where TJob : LeadSourcingJob
        {
            return ErrorRecords.Described(notFound, $"SendPilot.{kind.CommandNoun.Substring(2)}NotFound", ErrorRecords.CategoryOf(notFound), id,
                $"SendPilot has no {kind.Noun} {id}; check the id that Start-{kind.CommandNoun} wrote.");
        }

        public static ErrorRecord Failed<TJob>(LeadJobKind<TJob> kind, string id, TJob job) where TJob : LeadSourcingJob =>
            Record(new InvalidOperationException(
                    $"{kind.Title} {LeadJobKind<TJob>.Named(id, job)} failed at SendPilot: {job.ErrorMessage ?? "no reason given"}; check its settings and start it again with Start-{kind.CommandNoun}."),
                $"SendPilot.{kind.CommandNoun.Substring(2)}Failed", ErrorCategory.InvalidResult, job);

        public static ErrorRecord TimedOut<TJob>(LeadJobKind<TJob> kind, string id, TJob? job, TimeSpan waited) where TJob : LeadSourcingJob =>
            Record(new TimeoutException(
                    $"{kind.Title} {LeadJobKind<TJob>.Named(id, job)} is still {job?.Describe() ?? "not finished"} after {waited.TotalSeconds:0} s of waiting; it goes on at SendPilot, so resume with Wait-{kind.CommandNoun} -Id {id}."),
                $"SendPilot.{kind.CommandNoun.Substring(2)}WaitTimeout", ErrorCategory.OperationTimeout, (object?)job ?? id);

        public static string StoppedWaiting<TJob>(LeadJobKind<TJob> kind, string id) where TJob : LeadSourcingJob =>
            $"Stopped waiting for {kind.Noun} {id}; it goes on at SendPilot, so resume with Wait-{kind.CommandNoun} -Id {id}.";

        public static ErrorRecord NotCompleted<TJob>(LeadJobKind<TJob> kind, string id, TJob job) where TJob : LeadSourcingJob
        {
            string named = LeadJobKind<TJob>.Named(id, job);
            string message = job.Status == LeadSourcingJob.Failed
                ? $"{kind.Title} {named} failed at SendPilot ({job.ErrorMessage ?? "no reason given"}), so it has no results; start it again with Start-{kind.CommandNoun}."
                : $"{kind.Title} {named} is {job.Describe()}, so it has no results yet; wait for it with Wait-{kind.CommandNoun} -Id {id} | Get-{kind.CommandNoun}Result.";
            return Record(new InvalidOperationException(message), $"SendPilot.{kind.CommandNoun.Substring(2)}NotCompleted", ErrorCategory.ResourceBusy, job);
        }

        public static ErrorRecord CutOff<TJob>(LeadJobKind<TJob> kind, string id, TJob job, long? total, OffsetCeilingException ceiling) where TJob : LeadSourcingJob =>
            Record(new InvalidOperationException(
                    $"{kind.Title} {LeadJobKind<TJob>.Named(id, job)} has {(total is long t ? t.ToString("N0") : "more")} results but SendPilot serves offsets up to {OffsetCeilingException.MaxOffset:N0} only, so those from offset {ceiling.Offset:N0} on were not read; narrow it (more filters, or one run per location) to read every result.",
                    ceiling),
                "SendPilot.LeadResultsCutOff", ErrorCategory.LimitsExceeded, job);

        /// <summary>The start may have reached SendPilot: it was not repeated, so credits are not spent twice.</summary>
        public static ErrorRecord StartUncertain(SendPilotApiException uncertain, string what)
        {
            return ErrorRecords.Described(uncertain, "SendPilot.LeadSourcingStartUncertain", ErrorRecords.CategoryOf(uncertain), what,
                $"SendPilot may have started {what} ({uncertain.Message}); it was not sent again so no credits are spent twice, so check the balance with Get-SpCredit before starting it again.");
        }

        /// <summary>Why a start failed, as a sentence with what to do, for the refusals that have one.</summary>
        public static ErrorRecord? StartRefused(SendPilotApiException refused, string what, long people) =>
            refused.Kind == ApiErrorKind.DeliveryUnknown ? StartUncertain(refused, what) : InsufficientCredits(refused, what, people);

        /// <summary>A refusal to start a job for lack of credits, as a sentence with what to do.</summary>
        public static ErrorRecord? InsufficientCredits(SendPilotApiException refused, string what, long people)
        {
            if (refused.Kind != ApiErrorKind.PermissionDenied || (refused.ApiMessage ?? "").IndexOf("insufficient", StringComparison.OrdinalIgnoreCase) < 0)
                return null;
            return ErrorRecords.Described(refused, "SendPilot.InsufficientCredits", ErrorRecords.CategoryOf(refused), what,
                $"SendPilot refused to start {what} ({refused.ApiMessage}): it needs credits for up to {people:N0} people; check the balance with Get-SpCredit, then lower -Limit or add credits.");
        }

        private static ErrorRecord Record(Exception exception, string id, ErrorCategory category, object target) =>
            ErrorRecords.Described(exception, id, category, target, exception.Message);
    }
}
