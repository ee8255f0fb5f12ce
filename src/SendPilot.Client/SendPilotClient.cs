using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SendPilot.Client.Http;

namespace SendPilot.Client
{
    /// <summary>
    /// The shared HTTP core: auth, JSON, retries with Retry-After and backoff, the error model and
    /// request logging. Cheap to create; one per command, over a long-lived connection.
    /// </summary>
    public sealed partial class SendPilotClient
    {
        private static readonly int[] RetryableStatuses = { 408, 429, 500, 502, 503, 504 };
        private const int DebugBodyLimit = 2048;

        public SendPilotClient(SendPilotConnection connection, ClientLog? log = null)
        {
            Connection = connection ?? throw new ArgumentNullException(nameof(connection));
            Log = log ?? ClientLog.None;
        }

        public SendPilotConnection Connection { get; }
        public ClientLog Log { get; }

        /// <summary>Sends the request, retrying as its <see cref="DeliveryMode"/> allows.</summary>
        public async Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken = default)
        {
            var clock = Stopwatch.StartNew();
            int uncertainAttempts = 0;
            for (int attempt = 1; ; attempt++)
            {
                if (request.Gate != null) await request.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                AttemptOutcome outcome = await AttemptAsync(request, attempt, cancellationToken).ConfigureAwait(false);
                if (outcome.Failure == null)
                    return new ApiResponse(outcome.StatusCode, outcome.Body, attempt, uncertainAttempts, clock.Elapsed);

                TimeSpan? delay = RetryDelay(request, outcome, attempt, clock.Elapsed);
                if (delay == null) throw FinalFailure(request, outcome);
                if (outcome.OutcomeUnknown) uncertainAttempts++;
                if (outcome.StatusCode == 429 && outcome.RetryAfter != null) request.Gate?.PauseFor(delay.Value);
                WriteVerbose($"Retrying {request.Method} {request.Path} in {delay.Value.TotalSeconds:0.0} s (retry {attempt} of {Connection.Retry.MaxRetries}): {outcome.Failure.Message}");
                await WaitAsync(new RetryWait(delay.Value, attempt, Connection.Retry.MaxRetries, outcome.StatusCode == 429, false), cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        private async Task WaitAsync(RetryWait wait, CancellationToken cancellationToken)
        {
            Action<RetryWait>? report = wait.Delay > RetryWait.ReportAbove ? Log.WaitWriter : null;
            report?.Invoke(wait);
            try
            {
                await Task.Delay(wait.Delay, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                report?.Invoke(wait.End());
            }
        }

        /// <summary>Sends the request and returns the parsed JSON body.</summary>
        public async Task<JsonElement> GetJsonAsync(ApiRequest request, CancellationToken cancellationToken = default) =>
            (await SendAsync(request, cancellationToken).ConfigureAwait(false)).Body;

        /// <summary>
        /// Sends a list read and returns its body, which must be a JSON object or array: a 2xx answer that is empty,
        /// <c>null</c> or a bare value is an error naming the request, not an empty list.
        /// </summary>
        public async Task<JsonElement> GetListJsonAsync(ApiRequest request, CancellationToken cancellationToken = default)
        {
            ApiResponse response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            JsonValueKind kind = response.Body.ValueKind;
            if (kind == JsonValueKind.Object || kind == JsonValueKind.Array) return response.Body;
            string what = kind == JsonValueKind.Undefined ? "an empty body" : kind == JsonValueKind.Null ? "null" : $"a bare {kind.ToString().ToLowerInvariant()}";
            string method = request.Method.Method;
            string path = BuildUri(request).PathAndQuery;
            throw new SendPilotApiException(ApiErrorKind.ServerError,
                $"{method} {path} answered {response.StatusCode} with {what} instead of a list; nothing was read from it. Try again later.",
                method, path, response.StatusCode, attempts: response.Attempts);
        }

        /// <summary>
        /// Sends an action (a send, connect, pause, status change) and reads its answer. A 2xx answer that
        /// says <c>success: false</c> is the API refusing the action: it becomes an
        /// <see cref="ApiErrorKind.InvalidRequest"/> failure carrying the API's error.
        /// </summary>
        public async Task<T> GetActionResultAsync<T>(ApiRequest request, CancellationToken cancellationToken = default)
        {
            ApiResponse response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return ReadActionResult<T>(request, response, Unwrap(response.Body));
        }

        private T ReadActionResult<T>(ApiRequest request, ApiResponse response, JsonElement body)
        {
            if (Json.JsonRead.Bool(body, "success") == false)
            {
                string error = Json.JsonRead.String(body, "error", "message") ?? "no reason given";
                string method = request.Method.Method;
                throw new SendPilotApiException(ApiErrorKind.InvalidRequest,
                    $"{method} {request.Path} answered {response.StatusCode} with success: false: {error}", method, request.Path,
                    response.StatusCode, new[] { error }, responseBody: Connection.Redact(body.GetRawText()), attempts: response.Attempts);
            }
            return Json.JsonRead.Deserialize<T>(body);
        }

        /// <summary>An id as one escaped path segment, so an id can never reach another route.</summary>
        public static string PathSegment(string id) => Uri.EscapeDataString(id.Trim());

        /// <summary>
        /// The object inside an old-generation wrapper (<c>{"data":{…}}</c>), else the body itself. An object
        /// with its own <c>id</c> is never a wrapper: a lead's <c>data</c> holds its custom fields.
        /// </summary>
        public static JsonElement Unwrap(JsonElement body) =>
            !Json.JsonRead.TryGet(body, "id", out _) && Json.JsonRead.TryGet(body, "data", out JsonElement data) && data.ValueKind == JsonValueKind.Object
                ? data : body;

        private TimeSpan? RetryDelay(ApiRequest request, AttemptOutcome outcome, int attempt, TimeSpan elapsed)
        {
            RetryPolicy policy = Connection.Retry;
            if (!outcome.Transient || attempt > policy.MaxRetries) return null;
            if (request.Delivery == DeliveryMode.AtMostOnce && !MayRepeatDelivery(outcome)) return null;

            TimeSpan delay = outcome.RetryAfter is { } retryAfter ? policy.CapRetryAfter(retryAfter) : policy.Backoff(attempt);
            return elapsed + delay > policy.MaxTotalTime ? (TimeSpan?)null : delay;
        }

        /// <summary>A send may be repeated only if the server certainly did not act on it.</summary>
        private static bool MayRepeatDelivery(AttemptOutcome outcome) =>
            !outcome.OutcomeUnknown && (outcome.StatusCode == 0 || (outcome.StatusCode == 429 && outcome.RetryAfter != null));

        private static SendPilotApiException FinalFailure(ApiRequest request, AttemptOutcome outcome)
        {
            SendPilotApiException failure = outcome.Failure!;
            if (request.Delivery != DeliveryMode.AtMostOnce || !outcome.OutcomeUnknown) return failure;
            return new SendPilotApiException(ApiErrorKind.DeliveryUnknown,
                $"{failure.Method} {failure.RequestPath} may have reached SendPilot ({failure.Message}). It was not repeated, so nothing is delivered twice; check whether it went out before trying again.",
                failure.Method, failure.RequestPath, failure.StatusCode, failure.ApiMessages, failure.ApiError, failure.ApiCode,
                failure.RetryAfter, failure.ResponseBody, failure.Attempts, failure);
        }

        private async Task<AttemptOutcome> AttemptAsync(ApiRequest request, int attempt, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Connection.Timeout);
            Uri uri = BuildUri(request);
            string method = request.Method.Method;
            string path = uri.PathAndQuery;
            var clock = Stopwatch.StartNew();
            try
            {
                return await ExchangeAsync(request, uri, attempt, clock, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException ex)
            {
                WriteVerbose($"{method} {path} → no answer in {Connection.Timeout.TotalSeconds:0.#} s");
                var failure = new SendPilotApiException(ApiErrorKind.Timeout,
                    $"{method} {path} timed out after {Connection.Timeout.TotalSeconds:0.#} s.", method, path, attempts: attempt, inner: ex);
                return AttemptOutcome.Failed(failure, transient: true, outcomeUnknown: true);
            }
            catch (HttpRequestException ex) when (NetworkFailure.IsProxyAuthentication(ex))
            {
                WriteVerbose($"{method} {path} → 407 from the proxy in {clock.ElapsedMilliseconds} ms");
                return AttemptOutcome.Failed(NetworkFailure.ProxyAuthentication(method, path, attempt, ex), transient: false, outcomeUnknown: false);
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is System.IO.IOException)
            {
                bool notSent = NetworkFailure.CertainlyNotSent(ex);
                string cause = Connection.Redact(NetworkFailure.Describe(ex));
                WriteVerbose($"{method} {path} → network error in {clock.ElapsedMilliseconds} ms: {cause}");
                var failure = new SendPilotApiException(ApiErrorKind.Network,
                    $"{method} {path} failed: {cause}", method, path, attempts: attempt);
                return AttemptOutcome.Failed(failure, transient: true, outcomeUnknown: !notSent);
            }
        }

        /// <summary>One attempt on the wire: the request, any same-origin GET redirects, and a size-bounded answer.</summary>
        private async Task<AttemptOutcome> ExchangeAsync(ApiRequest request, Uri uri, int attempt, Stopwatch clock, CancellationToken token)
        {
            string method = request.Method.Method;
            string path = uri.PathAndQuery;
            for (int hop = 0; ; hop++)
            {
                using HttpRequestMessage message = BuildMessage(request, uri);
                WriteDebugRequest(message, request.JsonBody);
                using HttpResponseMessage response = await Connection.Http
                    .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                if (Redirects.IsRedirect(status))
                {
                    WriteVerbose($"{method} {uri.PathAndQuery} → {status} in {clock.ElapsedMilliseconds} ms");
                    WriteDebugResponse(response, null);
                    Uri? target = Redirects.Target(uri, response.Headers.Location);
                    string? refusal = Redirects.Refusal(request.Method, target, Connection, hop);
                    if (refusal != null) return RedirectRefused(status, target, refusal, method, path, attempt);
                    uri = target!;
                    continue;
                }
                byte[]? body = await BoundedBody.ReadAsync(response.Content, Connection.MaxResponseBytes, token).ConfigureAwait(false);
                if (Log.VerboseWriter != null) WriteVerbose($"{method} {path} → {status} in {clock.ElapsedMilliseconds} ms"); // once per request: not built unless wanted
                if (body == null) return TooLarge(status, method, path, attempt);
                WriteDebugResponse(response, body);
                return response.IsSuccessStatusCode
                    ? ParseSuccess(status, body, method, path, attempt)
                    : StatusFailure(response, body, method, path, attempt);
            }
        }

        private AttemptOutcome RedirectRefused(int status, Uri? target, string refusal, string method, string path, int attempt)
        {
            var failure = new SendPilotApiException(ApiErrorKind.Redirect,
                Connection.Redact($"{method} {path} answered {status}, a redirect {refusal}."), method, path, status, attempts: attempt)
            {
                RedirectLocation = target == null ? null : Connection.Redact(SendPilotConnection.SafeDisplay(target)),
            };
            return AttemptOutcome.Failed(failure, transient: false, outcomeUnknown: false);
        }

        private AttemptOutcome TooLarge(int status, string method, string path, int attempt)
        {
            string limit = Connection.MaxResponseBytes % (1024 * 1024) == 0
                ? $"{Connection.MaxResponseBytes / (1024 * 1024)} MB" : $"{Connection.MaxResponseBytes} bytes";
            var failure = new SendPilotApiException(ApiErrorKind.ServerError,
                $"{method} {path} answered {status} with a body larger than the connection's {limit} limit; it was not read. Ask for smaller pages, or raise the limit.",
                method, path, status, attempts: attempt);
            bool acted = status < 300 || status >= 500;
            return AttemptOutcome.Failed(failure, transient: false, outcomeUnknown: acted);
        }

        private AttemptOutcome ParseSuccess(int status, byte[] body, string method, string path, int attempt)
        {
            if (body.Length == 0 || body.All(b => b == (byte)' ' || b == (byte)'\n' || b == (byte)'\r' || b == (byte)'\t'))
                return AttemptOutcome.Success(status, default);
            try
            {
                return AttemptOutcome.Success(status, JsonSerializer.Deserialize<JsonElement>(body));
            }
            catch (JsonException ex)
            {
                var failure = new SendPilotApiException(ApiErrorKind.ServerError,
                    $"{method} {path} answered {status} with a body that is not JSON: {ex.Message}", method, path, status, attempts: attempt);
                return AttemptOutcome.Failed(failure, transient: false, outcomeUnknown: false);
            }
        }

        private AttemptOutcome StatusFailure(HttpResponseMessage response, byte[] body, string method, string path, int attempt)
        {
            int status = (int)response.StatusCode;
            SendPilotApiException failure = ApiErrorParser.FromResponse(status, response.ReasonPhrase, body,
                ReadRetryAfter(response.Headers.RetryAfter), method, path, attempt, Connection.Redact);
            bool transient = RetryableStatuses.Contains(status) && failure.Kind != ApiErrorKind.DailyLimitReached;
            bool unknown = status >= 500 || status == 408;
            return AttemptOutcome.Failed(failure, transient, unknown);
        }

        private static TimeSpan? ReadRetryAfter(RetryConditionHeaderValue? header)
        {
            if (header?.Delta is { } delta) return delta;
            if (header?.Date is { } date) return date - DateTimeOffset.UtcNow;
            return null;
        }

        private HttpRequestMessage BuildMessage(ApiRequest request, Uri uri)
        {
            var message = new HttpRequestMessage(request.Method, uri);
            message.Headers.TryAddWithoutValidation("X-API-Key", Connection.ApiKey);
            if (request.JsonBody != null)
            {
                message.Content = new ByteArrayContent(request.JsonBody);
                message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }
            return message;
        }

        private Uri BuildUri(ApiRequest request)
        {
            var uri = new StringBuilder(Connection.BaseUri.AbsoluteUri.TrimEnd('/'));
            uri.Append('/').Append(request.Path.TrimStart('/'));
            char separator = '?';
            foreach (var pair in request.Query)
            {
                uri.Append(separator).Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
                separator = '&';
            }
            return new Uri(uri.ToString());
        }

        private void WriteVerbose(string message) => Log.VerboseWriter?.Invoke(Connection.Redact(message));

        private void WriteDebugRequest(HttpRequestMessage message, byte[]? body)
        {
            if (!Log.DebugEnabled) return;
            var text = new StringBuilder();
            text.Append("HTTP request: ").Append(message.Method).Append(' ').Append(message.RequestUri);
            AppendHeaders(text, Connection.Http.DefaultRequestHeaders);
            AppendHeaders(text, message.Headers);
            if (message.Content != null) AppendHeaders(text, message.Content.Headers);
            Log.DebugWriter!(Connection.Redact(text.ToString()) + DebugBody(body));
        }

        private void WriteDebugResponse(HttpResponseMessage response, byte[]? body)
        {
            if (!Log.DebugEnabled) return;
            var text = new StringBuilder();
            text.Append("HTTP response: ").Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase);
            AppendHeaders(text, response.Headers);
            AppendHeaders(text, response.Content.Headers);
            Log.DebugWriter!(Connection.Redact(text.ToString()) + DebugBody(body));
        }

        private static void AppendHeaders(StringBuilder text, HttpHeaders headers)
        {
            foreach (var header in headers)
            {
                bool secret = header.Key.Equals("X-API-Key", StringComparison.OrdinalIgnoreCase)
                           || header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase);
                text.Append("\n  ").Append(header.Key).Append(": ").Append(secret ? "***" : string.Join(", ", header.Value));
            }
        }

        /// <summary>
        /// The body redacted first and cut after, so a key split by the cut is still masked. Only a window past the
        /// limit is decoded (wide enough for the longest escaped form of the key), not the whole body.
        /// </summary>
        private string DebugBody(byte[]? body)
        {
            if (body == null || body.Length == 0) return "";
            int window = (int)Math.Min(body.Length, DebugBodyLimit + 6L * Connection.ApiKey.Length);
            string redacted = Connection.Redact(Encoding.UTF8.GetString(body, 0, window));
            bool cut = redacted.Length > DebugBodyLimit || window < body.Length;
            string shown = redacted.Length > DebugBodyLimit ? redacted.Substring(0, DebugBodyLimit) : redacted;
            return $"\n  body ({body.Length} bytes): {shown}{(cut ? " …(truncated)" : "")}";
        }
    }
}
