using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace SendPilot.PowerShell.Completers
{
    /// <summary>
    /// Offers the values the API is known to use. The lists only help typing: the parameters do not
    /// validate against them, because SendPilot's lists grow.
    /// </summary>
    public abstract class KnownValuesCompleter : IArgumentCompleter
    {
        protected abstract IReadOnlyList<string> Values { get; }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = (wordToComplete ?? "").Trim('\'', '"');
            return Values
                .Where(v => v.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v));
        }
    }

    /// <summary>Lead statuses: first those PATCH /leads/{id}/status accepts, then the others seen in lists.</summary>
    public sealed class LeadStatusCompleter : KnownValuesCompleter
    {
        protected override IReadOnlyList<string> Values => Client.Models.LeadStatuses.Known;
    }

    /// <summary>The documented custom lead statuses.</summary>
    public sealed class CustomLeadStatusCompleter : KnownValuesCompleter
    {
        protected override IReadOnlyList<string> Values { get; } = new[]
        {
            "LEAD", "INTERESTED", "MEETING_BOOKED", "MEETING_COMPLETE_NOT_CLOSED", "CLOSED", "WRONG_PERSON",
            "NOT_INTERESTED", "NO_RESPONSE",
        };
    }

    /// <summary>The sender statuses the API documents.</summary>
    public sealed class SenderStatusCompleter : KnownValuesCompleter
    {
        protected override IReadOnlyList<string> Values { get; } = new[] { "active", "disconnected", "rate_limited" };
    }

    /// <summary>The webhook event names, current ones first, then the older names still sent by earlier integrations.</summary>
    public sealed class WebhookEventTypeCompleter : KnownValuesCompleter
    {
        protected override IReadOnlyList<string> Values { get; } =
            Client.Webhooks.WebhookEventTypes.Current.Concat(Client.Webhooks.WebhookEventTypes.Legacy.Keys).ToList();
    }
}
