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
            string where = Where(problem);
            string campaign = string.IsNullOrEmpty(problem.CampaignId) ? "" : $" for {problem.CampaignId}";
            switch (problem.Kind)
            {
                case LeadProblemKind.Rejected:
                    return ErrorRecords.Local(new ArgumentException($"{where} rejected{campaign}: {problem.Reason}"),
                        "SendPilot.LeadRejected", ErrorCategory.InvalidData, problem.Source,
                        campaign.Length == 0 ? "Give -CampaignId, or a campaignId column, and add the row again." : "Fix the row and add it again.");
                case LeadProblemKind.NotSent:
                    return ErrorRecords.Local(new OperationCanceledException($"{where} not sent{campaign}: {problem.Reason}", problem.ApiError),
                        "SendPilot.LeadNotSent", ErrorCategory.OperationStopped, problem.Source,
                        "Add the row again once the cause is fixed; re-sending is safe.");
                default:
                    ErrorCategory category = problem.ApiError != null ? ErrorRecords.CategoryOf(problem.ApiError) : ErrorCategory.NotSpecified;
                    return ErrorRecords.Local(new InvalidOperationException($"{where} failed{campaign}: {problem.Reason}", problem.ApiError),
                        "SendPilot.LeadFailed", category, problem.Source,
                        "Add the failed rows again ($err.TargetObject | Add-SpLead); the API skips leads it already has, so re-sending is safe.");
            }
        }

        /// <summary>"Row 7 (https://www.linkedin.com/in/ann)": the input's row number and, once known, its URL.</summary>
        public static string Where(LeadRowProblem problem) =>
            problem.LinkedinUrl == null ? $"Row {problem.RowNumber}" : $"Row {problem.RowNumber} ({problem.LinkedinUrl})";
    }
}
