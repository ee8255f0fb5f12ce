using System;
using System.Collections;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SendPilot.Client.Webhooks
{
    /// <summary>What a test delivery sent and how the receiver answered.</summary>
    public sealed class WebhookTestDelivery
    {
        public Uri Uri { get; internal set; } = null!;
        public string EventId { get; internal set; } = "";
        public string EventType { get; internal set; } = "";
        public WebhookSignatureScheme Scheme { get; internal set; }

        /// <summary>The receiver's HTTP status; null when it could not be reached.</summary>
        public int? StatusCode { get; internal set; }

        public bool Succeeded => StatusCode >= 200 && StatusCode < 300;
        public string? Response { get; internal set; }

        /// <summary>Why the receiver could not be reached.</summary>
        public string? Error { get; internal set; }

        public string Body { get; internal set; } = "";
        public IDictionary<string, string> Headers { get; internal set; } = new Json.PlainMap<string>();
        internal TimeSpan Elapsed { get; set; }

        /// <summary>How long the receiver took to answer, in seconds.</summary>
        public double ElapsedSeconds => Math.Round(Elapsed.TotalSeconds, 3);

        public override string ToString() => $"{EventType} {EventId} → {(StatusCode?.ToString() ?? Error)}";
    }

    /// <summary>Posts signed sample events to any URL (like <c>stripe trigger</c>), independently of the SendPilot API.</summary>
    public static class WebhookTestSender
    {
        private static readonly Lazy<HttpClient> Shared = new Lazy<HttpClient>(() => new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan });

        /// <summary>
        /// Builds a sample of <paramref name="eventType"/> (data fields overridden by <paramref name="data"/>),
        /// signs it with <paramref name="secret"/> under <paramref name="scheme"/> (unsigned when the secret is null)
        /// and POSTs it. Network failures are reported in the result, not thrown; cancellation is thrown.
        /// </summary>
        public static async Task<WebhookTestDelivery> SendAsync(Uri uri, string eventType, IDictionary? data, string? secret,
            WebhookSignatureScheme scheme, string? eventId, DateTimeOffset timestamp, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (uri == null) throw new ArgumentNullException(nameof(uri));
            string id = string.IsNullOrEmpty(eventId) ? WebhookSamples.NewEventId(timestamp) : eventId!;
            byte[] body = WebhookSamples.Create(eventType, data, timestamp, id);
            IDictionary<string, string> headers = secret == null
                ? new Dictionary<string, string>()
                : WebhookSignature.CreateHeaders(scheme, secret, "msg_" + id, timestamp, body);

            var result = new WebhookTestDelivery
            {
                Uri = uri, EventId = id, EventType = eventType, Scheme = secret == null ? WebhookSignatureScheme.None : scheme,
                Body = Encoding.UTF8.GetString(body), Headers = new Json.PlainMap<string>(headers),
            };
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation("User-Agent", "SendPilot.PowerShell-TestWebhook");
            foreach (var header in headers) request.Headers.TryAddWithoutValidation(header.Key, header.Value);

            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timer.CancelAfter(timeout);
            try
            {
                using HttpResponseMessage response = await Shared.Value.SendAsync(request, timer.Token).ConfigureAwait(false);
                result.StatusCode = (int)response.StatusCode;
                result.Response = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                result.Error = $"No answer within {timeout.TotalSeconds:0} s.";
            }
            catch (HttpRequestException e)
            {
                result.Error = e.InnerException?.Message ?? e.Message;
            }
            result.Elapsed = clock.Elapsed;
            return result;
        }
    }
}
