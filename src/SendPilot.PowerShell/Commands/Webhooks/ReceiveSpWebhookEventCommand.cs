using System;
using System.Linq;
using System.Management.Automation;
using System.Net.Sockets;
using System.Security;
using System.Threading;
using SendPilot.Client.Webhooks;
using SendPilot.PowerShell.Completers;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Webhooks
{
    /// <summary>Runs a local webhook endpoint and writes each verified, distinct event to the pipeline as it arrives.</summary>
    /// <remarks>
    /// <para>Listens on http://127.0.0.1:8080/ by default (-Port, or -Prefix for another address or path). No event is answered
    /// 200 and then lost: a POST carrying an event is answered 200 only after the event has been written to your pipeline, and
    /// 503 with Retry-After (so SendPilot delivers it again later) when it was not — because -Count was reached, -TimeoutSec
    /// ran out, Ctrl+C stopped the command, or the pipeline did not take it within -AcknowledgeTimeoutSec. A repeat of an
    /// eventId already emitted gets 200 and is not emitted again (delivery is at-least-once). Other answers: 401 when -Secret
    /// is given and the signature is missing, wrong or too old, 400 for a body that is not a SendPilot event (bad JSON, invalid
    /// UTF-8, an impossible timestamp, a malformed chunk), 405 for anything but POST, 413 above -MaxBodyBytes, 404 outside the
    /// -Prefix path, and 503 if more than 10,000 events wait for a slow pipeline.</para>
    /// <para>It stops after -Count events, after -TimeoutSec seconds, or on Ctrl+C, and frees the port at once. -Verbose shows
    /// one line per request with its answer. SendPilot only delivers to HTTPS URLs: expose the port through a tunnel or
    /// reverse proxy that terminates TLS, or point the sandbox (or Send-SpTestWebhook) at it directly.</para>
    /// <para>The endpoint is a minimal HTTP/1.1 server on a TcpListener rather than HttpListener: it binds 127.0.0.1 on
    /// Windows without an http.sys URL reservation or administrator rights, behaves the same on every platform, and can
    /// refuse an oversized body from its headers.</para>
    /// </remarks>
    /// <example>
    /// <code>Receive-SpWebhookEvent -Port 8080 -Secret $secret | Where-Object EventType -eq 'reply.received' | ForEach-Object { Invoke-SpApi PATCH "/leads/$($_.LeadId)/status" -Body @{ status = 'OPPORTUNITY' } -Confirm:$false }</code>
    /// <para>Marks every lead that replies as an opportunity, as the replies come in.</para>
    /// </example>
    /// <example>
    /// <code>$event = Receive-SpWebhookEvent -Secret $secret -EventType 'campaign.*' -Count 1 -TimeoutSec 600</code>
    /// <para>Waits up to ten minutes for the next campaign event and returns it.</para>
    /// </example>
    /// <example>
    /// <code>Receive-SpWebhookEvent -Prefix 'http://+:8443/sendpilot/' -Secret $secret -Verbose</code>
    /// <para>Listens on every interface under /sendpilot/, for a reverse proxy on another machine.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Receive, "SpWebhookEvent", DefaultParameterSetName = PortSet, HelpUri = HelpLinks.ReceiveWebhooks)]
    [OutputType(typeof(WebhookEvent))]
    public sealed class ReceiveSpWebhookEventCommand : WebhookSignatureCmdlet
    {
        private const string PortSet = "Port";
        private const string PrefixSet = "Prefix";

        /// <summary>The loopback port to listen on (127.0.0.1). Default 8080; 0 picks a free port (shown with -Verbose).</summary>
        [Parameter(ParameterSetName = PortSet, Position = 0)]
        [ValidateRange(0, 65535)]
        public int Port { get; set; } = 8080;

        /// <summary>
        /// Where to listen instead of 127.0.0.1:-Port, as http://host:port/path/. The host may be an IP address, localhost,
        /// or + / * for every interface; only requests under the path are accepted.
        /// </summary>
        [Parameter(ParameterSetName = PrefixSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Prefix { get; set; } = "";

        /// <summary>Emit only events whose (current) type matches one of these names; wildcards allowed (campaign.*). Others are still answered 200.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WebhookEventTypeCompleter))]
        public string[]? EventType { get; set; }

        /// <summary>Stop after this many events were emitted. Default: no limit.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Count { get; set; }

        /// <summary>Stop after this many seconds. Default: no limit (Ctrl+C stops).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSec { get; set; }

        /// <summary>
        /// Seconds an arrived event may wait for the pipeline to take it (while the commands after this one are still busy with
        /// earlier events); past that it is answered 503 with Retry-After and SendPilot delivers it again later. Default 10.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int AcknowledgeTimeoutSec { get; set; } = (int)WebhookReceiverOptions.DefaultHandOffTimeout.TotalSeconds;

        /// <summary>Bodies larger than this get 413. Default 1 MB.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public long MaxBodyBytes { get; set; } = WebhookReceiverOptions.DefaultMaxBodyBytes;

        protected override void ProcessItem()
        {
            WebhookReceiver receiver = Start(Options());
            try
            {
                WriteVerbose($"Listening on {receiver.Uri} ({(Secret == null ? "signatures not checked" : "signed requests only")}); stop with Ctrl+C.");
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(CancelToken);
                if (TimeoutSec > 0) timeout.CancelAfter(TimeSpan.FromSeconds(TimeoutSec));
                int emitted = 0;
                while (Count == 0 || emitted < Count)
                {
                    WebhookDelivery next;
                    try
                    {
                        next = Await(receiver.TakeAsync(timeout.Token));
                    }
                    catch (OperationCanceledException) when (!CancelToken.IsCancellationRequested)
                    {
                        WriteVerbose($"No more waiting after {TimeoutSec} s.");
                        break;
                    }
                    Emit(next);
                    emitted++;
                }
                WriteVerbose($"Stopped listening on {receiver.Uri}: {receiver.Counters}.");
            }
            finally
            {
                receiver.Stop();
            }
        }

        /// <summary>Acknowledges the event (its sender gets 200) only once it is written; if writing fails (stopping), 503.</summary>
        private void Emit(WebhookDelivery delivery)
        {
            bool written = false;
            try
            {
                WriteObject(delivery.Event);
                written = true;
            }
            finally
            {
                if (written) delivery.Acknowledge();
                else delivery.Refuse();
            }
        }

        private WebhookReceiverOptions Options()
        {
            var options = new WebhookReceiverOptions
            {
                Port = Port,
                Secret = Secret == null ? null : SecureStrings.ToPlain(Secret),
                Tolerance = TimeSpan.FromSeconds(ToleranceSeconds),
                MaxBodyBytes = MaxBodyBytes,
                HandOffTimeout = TimeSpan.FromSeconds(AcknowledgeTimeoutSec),
                Log = Log.VerboseWriter,
            };
            if (options.Secret != null && options.Secret.Length == 0)
                throw new TerminatingCmdletError(ErrorRecords.Invalid("-Secret is empty.", "SendPilot.InvalidWebhookSecret", null));
            if (ParameterSetName == PrefixSet)
            {
                try
                {
                    (options.Address, options.Port, options.Path) = ListenPrefix.Parse(Prefix);
                }
                catch (ArgumentException invalid)
                {
                    throw new TerminatingCmdletError(ErrorRecords.Invalid(invalid.Message, "SendPilot.InvalidPrefix", Prefix));
                }
            }
            if (EventType != null)
            {
                WildcardPattern[] patterns = EventType.Select(p => WildcardPattern.Get(p, WildcardOptions.IgnoreCase)).ToArray();
                options.Filter = e => patterns.Any(p => p.IsMatch(e.EventType));
            }
            return options;
        }

        private static WebhookReceiver Start(WebhookReceiverOptions options)
        {
            try
            {
                return WebhookReceiver.Start(options);
            }
            catch (SocketException failure)
            {
                string where = $"{options.Address}:{options.Port}";
                throw new TerminatingCmdletError(new ErrorRecord(
                    new InvalidOperationException($"Cannot listen on {where}: {failure.Message}", failure),
                    "SendPilot.ListenFailed", ErrorCategory.ResourceUnavailable, where)
                {
                    ErrorDetails = new ErrorDetails($"Cannot listen on {where}: {failure.Message}")
                    {
                        RecommendedAction = "Choose another -Port (0 picks a free one), or stop what is using this one.",
                    },
                });
            }
        }
    }
}
