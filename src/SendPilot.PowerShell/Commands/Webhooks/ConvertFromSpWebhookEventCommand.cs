using System.Management.Automation;
using SendPilot.Client.Json;
using SendPilot.Client.Webhooks;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Webhooks
{
    /// <summary>Reads a SendPilot webhook body into a typed event, mapping old event names to current ones.</summary>
    /// <remarks>
    /// <para>Takes the raw JSON body (a string or bytes) or an object already parsed (ConvertFrom-Json, a hashtable) and
    /// emits a SendPilot.Client.Webhooks.WebhookEvent: EventId, EventType (always the current name), OriginalEventType,
    /// Timestamp (a DateTimeOffset), WorkspaceId and the fields most events carry lifted to the top: LeadId, CampaignId,
    /// LinkedinUrl, SenderId and Text (the message, reply or connection note, whatever the API generation called it). The
    /// whole data object stays in Data.</para>
    /// <para>Old names map to current ones: message.received → reply.received, connection.sent → connection_request.sent,
    /// connection.accepted → connection_request.accepted, lead.status.changed → lead.updated. Unknown event types pass
    /// through unchanged. A body that is not JSON, or lacks eventId, eventType, timestamp or data, is a non-terminating
    /// error (SendPilot.InvalidWebhookEvent) that names the field.</para>
    /// <para>This does not check signatures; use Test-SpWebhookSignature on the raw body first (Receive-SpWebhookEvent does both).</para>
    /// </remarks>
    /// <example>
    /// <code>Get-Content .\delivery.json -Raw | ConvertFrom-SpWebhookEvent</code>
    /// <para>Reads a saved delivery body. Use -Raw: Get-Content without it sends the file line by line.</para>
    /// </example>
    /// <example>
    /// <code>$event = ConvertFrom-SpWebhookEvent -InputObject $request.Body; if ($event.EventType -eq 'reply.received') { $event.Text }</code>
    /// <para>Inside your own web handler: reads the body and acts on replies, whether SendPilot called them reply.received or message.received.</para>
    /// </example>
    [Cmdlet(VerbsData.ConvertFrom, "SpWebhookEvent", HelpUri = HelpLinks.WebhookEvent)]
    [OutputType(typeof(WebhookEvent))]
    public sealed class ConvertFromSpWebhookEventCommand : SendPilotCancellableCmdlet
    {
        /// <summary>
        /// The webhook body: a JSON string, a byte[] of UTF-8 JSON, or an already-parsed object (PSCustomObject or hashtable).
        /// Binds from the pipeline. Pass bytes with -InputObject (piping a byte[] sends its bytes one by one).
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyString]
        public object? InputObject { get; set; }

        protected override void ProcessItem()
        {
            object? value = InputObject is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : InputObject;
            try
            {
                switch (value)
                {
                    case WebhookEvent already: WriteObject(already); break;
                    case string json: WriteObject(WebhookEvent.Parse(json)); break;
                    case byte[] bytes: WriteObject(WebhookEvent.Parse(bytes)); break;
                    case null: throw new WebhookFormatException(null, "The webhook body is empty.");
                    default: WriteObject(WebhookEvent.Parse(JsonBody.Serialize(PSObjectConverter.ToPlain(value)!))); break;
                }
            }
            catch (WebhookFormatException invalid)
            {
                WriteError(new ErrorRecord(invalid, "SendPilot.InvalidWebhookEvent", ErrorCategory.InvalidData, InputObject)
                {
                    ErrorDetails = new ErrorDetails(invalid.Message)
                    {
                        RecommendedAction = invalid.Field == null
                            ? "Pass the raw request body (Get-Content -Raw for a file)."
                            : $"A SendPilot event carries eventId, eventType, timestamp and data; this one lacks a usable '{invalid.Field}'.",
                    },
                });
            }
        }
    }
}
