using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace SendPilot.PowerShell.Commands.Leads
{
    /// <summary>Offers the lead statuses the API is known to use; any other value is still accepted.</summary>
    public sealed class LeadStatusCompleter : IArgumentCompleter
    {
        /// <summary>Statuses PATCH /leads/{id}/status accepts, then the others seen in lists.</summary>
        internal static readonly string[] Known =
        {
            "OPPORTUNITY", "MEETING_BOOKED", "DONE", "UNSUBSCRIBED", "IRRELEVANT", "NOT_INTERESTED",
            "PENDING", "CONNECTION_SENT", "CONNECTION_ACCEPTED", "MESSAGE_SENT", "REPLY_RECEIVED",
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) => Complete(Known, wordToComplete);

        internal static IEnumerable<CompletionResult> Complete(IEnumerable<string> values, string wordToComplete)
        {
            string typed = (wordToComplete ?? "").Trim('\'', '"');
            return values
                .Where(v => v.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v));
        }
    }

    /// <summary>Offers the documented custom lead statuses; any other value is still accepted.</summary>
    public sealed class CustomLeadStatusCompleter : IArgumentCompleter
    {
        internal static readonly string[] Known =
        {
            "LEAD", "INTERESTED", "MEETING_BOOKED", "MEETING_COMPLETE_NOT_CLOSED", "CLOSED", "WRONG_PERSON",
            "NOT_INTERESTED", "NO_RESPONSE",
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) => LeadStatusCompleter.Complete(Known, wordToComplete);
    }
}
