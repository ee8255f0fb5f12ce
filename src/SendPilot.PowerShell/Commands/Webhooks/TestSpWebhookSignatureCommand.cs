using System;
using System.Management.Automation;
using System.Security;
using SendPilot.Client.Webhooks;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Webhooks
{
    /// <summary>Checks that a webhook body was signed with your secret, under either signature scheme SendPilot uses.</summary>
    /// <remarks>
    /// <para>Both schemes are recognised from the headers. The Svix / Standard Webhooks scheme (what deliveries carry):
    /// svix-id, svix-timestamp and svix-signature (or webhook-id, webhook-timestamp, webhook-signature), a secret of the form
    /// whsec_&lt;base64&gt;, and one or more space-separated "v1,&lt;base64&gt;" signatures of which any may match (secret rotation).
    /// The documented scheme: Webhook-Signature: t=&lt;unix seconds&gt;,s=&lt;hex HMAC-SHA256 of "t.body"&gt; keyed by the secret's
    /// UTF-8 bytes (a leading "v1," is accepted).</para>
    /// <para>Signatures are compared in constant time over the exact bytes of the body: pass the raw body, not an object
    /// re-serialised from it. Timestamps further than -ToleranceSeconds from now fail (replay protection).</para>
    /// <para>Returns $true or $false; with -Detailed, an object with IsValid, Scheme, Failure (MissingHeader, BadFormat,
    /// TimestampOutsideTolerance, Mismatch, InvalidSecret) and Message.</para>
    /// </remarks>
    /// <example>
    /// <code>Test-SpWebhookSignature -Body $body -Headers $headers -Secret $env:SENDPILOT_WEBHOOK_SECRET</code>
    /// <para>$true when the delivery is genuine.</para>
    /// </example>
    /// <example>
    /// <code>Test-SpWebhookSignature -Body $body -Headers @{ 'Webhook-Signature' = 't=1767225600,s=5f1c…' } -Secret 'my-secret' -ToleranceSeconds 0 -Detailed</code>
    /// <para>Checks an old captured delivery in the documented scheme without the timestamp check and says why it fails, if it does.</para>
    /// </example>
    [Cmdlet(VerbsDiagnostic.Test, "SpWebhookSignature", HelpUri = HelpLinks.WebhookSignatures)]
    [OutputType(typeof(bool), typeof(WebhookSignatureResult))]
    public sealed class TestSpWebhookSignatureCommand : WebhookSignatureCmdlet
    {
        /// <summary>The raw request body exactly as received: a string (taken as UTF-8) or a byte[]. Binds by property name (Body).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public object? Body { get; set; }

        /// <summary>
        /// The request headers: a hashtable or any dictionary, a NameValueCollection, HttpHeaders or an object whose properties
        /// are headers. Names are matched case-insensitively. Binds by property name (Headers).
        /// </summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public object? Headers { get; set; }

        /// <summary>The endpoint's signing secret, as a SecureString or plain string (whsec_… for the Svix and Standard Webhooks schemes). Required here: there is nothing to test without it.</summary>
        [Parameter(Mandatory = true)]
        [SecureStringTransformation]
        public override SecureString? Secret { get; set; }

        /// <summary>Return the scheme found and the reason for a failure instead of $true/$false.</summary>
        [Parameter]
        public SwitchParameter Detailed { get; set; }

        protected override void ProcessItem()
        {
            byte[]? body = WebhookInput.Body(Body);
            if (body == null)
            {
                WriteError(ErrorRecords.Invalid("-Body must be the raw body as a string or byte[]; a parsed object cannot be verified because re-serialising changes its bytes.",
                    "SendPilot.InvalidWebhookBody", Body));
                return;
            }
            var headers = WebhookInput.Headers(Headers);
            if (headers == null)
            {
                WriteError(ErrorRecords.Invalid("-Headers must be a dictionary (or an object) of header names and values.", "SendPilot.InvalidWebhookHeaders", Headers));
                return;
            }

            WebhookSignatureResult result = WebhookSignature.Verify(body, headers, SecureStrings.ToPlain(Secret!),
                TimeSpan.FromSeconds(ToleranceSeconds), DateTimeOffset.UtcNow);
            if (!result.IsValid) WriteVerbose($"Signature check failed ({result.Scheme}, {result.Failure}): {result.Message}");
            if (Detailed) WriteObject(result);
            else WriteObject(result.IsValid);
        }
    }
}
