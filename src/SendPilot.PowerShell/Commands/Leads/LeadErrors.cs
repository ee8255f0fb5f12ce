using System;
using System.Management.Automation;
using SendPilot.Client.Leads;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Leads
{
    /// <summary>Error records for rows of an upload; TargetObject is always the row as it was given.</summary>
    internal static class LeadErrors
    {
        public static ErrorRecord ForRow(LeadRowProblem problem)
        {
            string where = problem.LinkedinUrl == null ? $"Row {problem.RowNumber}" : $"Row {problem.RowNumber} ({problem.LinkedinUrl})";
            string campaign = string.IsNullOrEmpty(problem.CampaignId) ? "" : $" for {problem.CampaignId}";
            switch (problem.Kind)
            {
                case LeadProblemKind.Rejected:
                    return new ErrorRecord(new ArgumentException($"{where} rejected{campaign}: {problem.Reason}"),
                        "SendPilot.LeadRejected", ErrorCategory.InvalidData, problem.Source)
                    { ErrorDetails = new ErrorDetails($"{where} rejected{campaign}: {problem.Reason}") { RecommendedAction = "Fix the row and add it again." } };
                case LeadProblemKind.Duplicate:
                    return new ErrorRecord(new InvalidOperationException($"{where} skipped: {problem.Reason}"),
                        "SendPilot.LeadDuplicate", ErrorCategory.ResourceExists, problem.Source);
                case LeadProblemKind.NotSent:
                    return new ErrorRecord(new OperationCanceledException($"{where} not sent{campaign}: {problem.Reason}", problem.ApiError),
                        "SendPilot.LeadNotSent", ErrorCategory.OperationStopped, problem.Source)
                    { ErrorDetails = new ErrorDetails($"{where} not sent{campaign}: {problem.Reason}") { RecommendedAction = "Add the row again once the cause is fixed; re-sending is safe." } };
                default:
                    ErrorCategory category = problem.ApiError != null ? ErrorRecords.CategoryOf(problem.ApiError) : ErrorCategory.NotSpecified;
                    return new ErrorRecord(new InvalidOperationException($"{where} failed{campaign}: {problem.Reason}", problem.ApiError),
                        "SendPilot.LeadFailed", category, problem.Source)
                    { ErrorDetails = new ErrorDetails($"{where} failed{campaign}: {problem.Reason}") { RecommendedAction = "Add the failed rows again ($err.TargetObject | Add-SpLead); the API skips leads it already has, so re-sending is safe." } };
            }
        }
    }
}
