using System;
using System.Collections;
using System.Collections.Specialized;
using System.Management.Automation;
using System.Security;
using SendPilot.Client.Webhooks;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Webhooks
{
    /// <summary>Posts a realistic, correctly signed sample SendPilot event to a URL, to test your receiver or automation.</summary>
    /// <remarks>
    /// <para>Like "stripe trigger": builds a sample of -EventType shaped as SendPilot sends it (envelope eventId, eventType,
    /// timestamp, workspaceId, data), lets -Data replace or add data fields, signs it with -Secret under -Scheme (Svix by
    /// default, as real deliveries are; StandardWebhooks uses the webhook-* header names; Docs the documented
    /// Webhook-Signature: t=…,s=…) and POSTs it. Without -Secret the event goes unsigned, to check that your receiver refuses it.</para>
    /// <para>It does not talk to SendPilot and needs no API key. It writes what it sent and the receiver's answer; a non-2xx
    /// answer or an unreachable receiver is also a non-terminating error (SendPilot.TestWebhookFailed).</para>
    /// <para>Event types: message.sent, reply.received, connection_request.sent, connection_request.accepted, campaign.started,
    /// campaign.paused, campaign.resumed, campaign.finished, lead.updated, lead.tag.updated, lead_database.search.completed,
    /// lead_extractor.job.completed, and the legacy message.received, connection.sent, connection.accepted, lead.status.changed.</para>
    /// </remarks>
    /// <example>
    /// <code>Send-SpTestWebhook -Uri http://127.0.0.1:8080/ -EventType reply.received -Secret $secret</code>
    /// <para>Sends a signed reply.received sample to a local receiver (such as Receive-SpWebhookEvent).</para>
    /// </example>
    /// <example>
    /// <code>Send-SpTestWebhook http://127.0.0.1:8080/ lead.updated -Secret 'plain-secret' -Scheme Docs -Data @{ leadId = 'lead_42'; newStatus = 'MEETING_BOOKED' }</code>
    /// <para>Sends a lead.updated event for lead_42, signed in the documented scheme.</para>
    /// </example>
    /// <example>
    /// <code>'message.sent', 'reply.received', 'campaign.paused' | Send-SpTestWebhook -Uri $uri -Secret $secret</code>
    /// <para>Sends one event of each type.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Send, "SpTestWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.TestWebhooks)]
    [OutputType(typeof(WebhookTestDelivery))]
    public sealed class SendSpTestWebhookCommand : SendPilotCancellableCmdlet
    {
        /// <summary>The receiver's URL (http or https). Binds by property name (Uri).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public Uri? Uri { get; set; }

        /// <summary>The kind of sample event to send. Default message.sent. Binds from the pipeline, also by property name.</summary>
        [Parameter(Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("message.sent", "reply.received", "connection_request.sent", "connection_request.accepted",
            "campaign.started", "campaign.paused", "campaign.resumed", "campaign.finished", "lead.updated", "lead.tag.updated",
            "lead_database.search.completed", "lead_extractor.job.completed",
            "message.received", "connection.sent", "connection.accepted", "lead.status.changed", IgnoreCase = true)]
        public string EventType { get; set; } = WebhookEventTypes.MessageSent;

        /// <summary>The signing secret (SecureString or string): whsec_&lt;base64&gt; for Svix and StandardWebhooks, any text for Docs. Without it the event is sent unsigned.</summary>
        [Parameter]
        [SecureStringTransformation]
        public SecureString? Secret { get; set; }

        /// <summary>The signature scheme: Svix (default, svix-* headers), StandardWebhooks (webhook-* headers) or Docs (Webhook-Signature: t=…,s=…).</summary>
        [Parameter]
        [ValidateSet("Svix", "StandardWebhooks", "Docs", IgnoreCase = true)]
        public string Scheme { get; set; } = "Svix";

        /// <summary>Fields that replace or add to the sample's data object (leadId, campaignId, message, reply, …); a $null value removes the field.</summary>
        [Parameter]
        public IDictionary? Data { get; set; }

        /// <summary>The eventId to send; default a new evt_&lt;ms&gt;_&lt;random&gt; id. Send the same id twice to test deduplication.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? EventId { get; set; }

        /// <summary>The event and signature time; default now. An old time tests the receiver's replay protection.</summary>
        [Parameter]
        public DateTimeOffset? Timestamp { get; set; }

        /// <summary>Seconds to wait for the receiver's answer. Default 30.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 30;

        protected override void ProcessItem()
        {
            if (!ShouldProcess(Uri!.ToString(), $"POST a signed {EventType} sample event")) return;
            string type = EventType.ToLowerInvariant();
            var scheme = (WebhookSignatureScheme)Enum.Parse(typeof(WebhookSignatureScheme), Scheme, ignoreCase: true);
            string? secret = Secret == null ? null : SecureStrings.ToPlain(Secret);
            if (secret != null && scheme != WebhookSignatureScheme.Docs && !WebhookSignature.IsStandardSecret(secret))
                throw new TerminatingCmdletError(ErrorRecords.Invalid(
                    $"The {Scheme} scheme needs a secret of the form whsec_<base64> (as the SendPilot dashboard shows it); use -Scheme Docs for a plain secret.",
                    "SendPilot.InvalidWebhookSecret", null));

            WebhookTestDelivery delivery = Await(WebhookTestSender.SendAsync(Uri, type, PlainData(), secret, scheme, EventId,
                Timestamp ?? DateTimeOffset.UtcNow, TimeSpan.FromSeconds(TimeoutSec), CancelToken));
            WriteVerbose($"POST {Uri} {type} {delivery.EventId} → {(delivery.StatusCode?.ToString() ?? delivery.Error)} in {delivery.ElapsedSeconds * 1000:0} ms");
            WriteObject(delivery);
            if (!delivery.Succeeded)
            {
                string what = delivery.StatusCode == null ? "could not be reached: " + delivery.Error : $"answered {delivery.StatusCode}: {delivery.Response}";
                WriteError(new ErrorRecord(new InvalidOperationException($"The receiver at {Uri} {what}"), "SendPilot.TestWebhookFailed",
                    delivery.StatusCode == null ? ErrorCategory.ConnectionError : ErrorCategory.InvalidResult, EventType));
            }
        }

        private IDictionary? PlainData()
        {
            if (Data == null) return null;
            var plain = new OrderedDictionary();
            foreach (DictionaryEntry entry in Data) plain[Convert.ToString(entry.Key) ?? ""] = PSObjectConverter.ToPlain(entry.Value);
            return plain;
        }
    }
}
