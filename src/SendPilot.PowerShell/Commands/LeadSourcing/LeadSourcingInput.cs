using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.LeadSourcing
{
    /// <summary>Parameter values of the start cmdlets, made ready for the client.</summary>
    internal static class LeadSourcingInput
    {
        public const int DefaultPollIntervalSec = 2;

        /// <summary>How long Start-…'s -Wait and Wait-… wait for a job by default, in seconds; the job goes on at SendPilot after that.</summary>
        public const int DefaultTimeoutSec = 1800;

        /// <summary>The hashtable as plain values, keys as given, so filters reach the API unchanged.</summary>
        public static IDictionary<string, object?> Filters(Hashtable filter)
        {
            var filters = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in filter) filters[Convert.ToString(entry.Key) ?? ""] = PSObjectConverter.ToPlain(entry.Value);
            return filters;
        }

        /// <summary>The webhook URL when it is an absolute http(s) URL; a terminating error otherwise.</summary>
        public static Uri? Webhook(PSCmdlet cmdlet, Uri? url)
        {
            if (url == null || (url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))) return url;
            cmdlet.ThrowTerminatingError(ErrorRecords.Invalid(
                $"-WebhookUrl '{url}' is not an absolute https URL; give the full address SendPilot should call (https://example.com/hooks/sendpilot).",
                "SendPilot.InvalidWebhookUrl", url));
            return null;
        }
    }
}
