using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SendPilot.Client.Webhooks
{
    /// <summary>How a <see cref="WebhookReceiver"/> listens and what it accepts.</summary>
    public sealed class WebhookReceiverOptions
    {
        public const long DefaultMaxBodyBytes = 1024 * 1024;

        /// <summary>Loopback unless told otherwise.</summary>
        public IPAddress Address { get; set; } = IPAddress.Loopback;

        /// <summary>0 picks a free port (read it back from <see cref="WebhookReceiver.Port"/>).</summary>
        public int Port { get; set; }

        /// <summary>Requests must be under this path ("/" accepts any path).</summary>
        public string Path { get; set; } = "/";

        /// <summary>When set, only correctly signed requests are accepted; others get 401.</summary>
        public string? Secret { get; set; }

        public TimeSpan Tolerance { get; set; } = WebhookSignature.DefaultTolerance;
        public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

        /// <summary>Events for which this returns false are acknowledged but not queued.</summary>
        public Func<WebhookEvent, bool>? Filter { get; set; }

        /// <summary>Above this many unread events new ones get 503 (the sender retries later).</summary>
        public int MaxQueuedEvents { get; set; } = 10_000;

        public static readonly TimeSpan DefaultHandOffTimeout = TimeSpan.FromSeconds(10);

        /// <summary>
        /// How long an arrived event waits for the pipeline to take it; past that it is answered 503 with Retry-After
        /// (so the sender redelivers it) and is never emitted.
        /// </summary>
        public TimeSpan HandOffTimeout { get; set; } = DefaultHandOffTimeout;

        /// <summary>An open connection idle this long (or a request this slow) is closed.</summary>
        public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>One line per request; called from background threads.</summary>
        public Action<string>? Log { get; set; }

        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;
    }

    /// <summary>Counters of what a receiver has answered so far.</summary>
    public sealed class WebhookReceiverCounters
    {
        internal int accepted, duplicates, ignored, unauthorized, malformed, rejected;

        public int Accepted => Volatile.Read(ref accepted);
        public int Duplicates => Volatile.Read(ref duplicates);
        public int Ignored => Volatile.Read(ref ignored);
        public int Unauthorized => Volatile.Read(ref unauthorized);
        public int Malformed => Volatile.Read(ref malformed);

        /// <summary>404, 405, 413, 431 and 503 answers.</summary>
        public int Rejected => Volatile.Read(ref rejected);

        public override string ToString() =>
            $"{Accepted} accepted, {Duplicates} duplicate, {Ignored} filtered out, {Unauthorized} unauthorized, {Malformed} malformed, {Rejected} rejected";
    }

    /// <summary>
    /// A small local webhook endpoint on a TcpListener (a minimal HTTP/1.1 server, so that it binds
    /// 127.0.0.1 without http.sys URL reservations on Windows, can take port 0, decides 413 from the
    /// headers, and frees its port the moment it stops). Each POST is verified and parsed on the
    /// connection's thread, then handed to the reader (<see cref="TakeAsync"/>): the POST is answered 200
    /// only once the reader has taken and acknowledged the event, and 503 when it was not taken (stopping,
    /// no reader within <see cref="WebhookReceiverOptions.HandOffTimeout"/>). SendPilot does not redeliver
    /// an event it got a 200 for, so a 200 is never given for an event that is then dropped.
    /// </summary>
    public sealed class WebhookReceiver : IDisposable
    {
        private const int MaxRemembered = 100_000;

        private readonly WebhookReceiverOptions _options;
        private readonly TcpListener _listener;
        private readonly ConcurrentQueue<WebhookDelivery> _waiting = new ConcurrentQueue<WebhookDelivery>();
        private readonly ConcurrentDictionary<WebhookDelivery, byte> _unanswered = new ConcurrentDictionary<WebhookDelivery, byte>();
        private readonly SemaphoreSlim _available = new SemaphoreSlim(0);
        private readonly ConcurrentDictionary<TcpClient, ConnectionState> _connections = new ConcurrentDictionary<TcpClient, ConnectionState>();
        private readonly object _seenGate = new object();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private readonly Queue<string> _seenOrder = new Queue<string>();
        private readonly Task _acceptLoop;
        private int _stopped;

        private WebhookReceiver(WebhookReceiverOptions options, TcpListener listener)
        {
            _options = options;
            _listener = listener;
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            string host = options.Address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{options.Address}]" : options.Address.ToString();
            if (IPAddress.Any.Equals(options.Address) || IPAddress.IPv6Any.Equals(options.Address)) host = "localhost";
            Uri = new Uri($"http://{host}:{Port}{NormalizePath(options.Path)}");
            _acceptLoop = Task.Run(AcceptLoopAsync);
        }

        public int Port { get; }

        /// <summary>Where senders should POST (for a wildcard address, its localhost form).</summary>
        public Uri Uri { get; }

        public WebhookReceiverCounters Counters { get; } = new WebhookReceiverCounters();

        /// <summary>Binds and starts accepting; throws SocketException when the address is taken.</summary>
        public static WebhookReceiver Start(WebhookReceiverOptions options)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (options.Secret != null && options.Secret.Length == 0) throw new ArgumentException("The secret is empty.", nameof(options));
            var listener = new TcpListener(options.Address, options.Port);
            if (options.Address.AddressFamily == AddressFamily.InterNetworkV6 && IPAddress.IPv6Any.Equals(options.Address))
                listener.Server.DualMode = true;
            listener.Start(512);
            return new WebhookReceiver(options, listener);
        }

        /// <summary>The next event, acknowledged (its sender gets 200) as it is returned.</summary>
        public async Task<WebhookEvent> ReceiveAsync(CancellationToken cancellationToken)
        {
            WebhookDelivery next = await TakeAsync(cancellationToken).ConfigureAwait(false);
            next.Acknowledge();
            return next.Event;
        }

        /// <summary>
        /// Takes the next distinct event, in arrival order. Its sender waits until the caller calls
        /// <see cref="WebhookDelivery.Acknowledge"/> (200) or <see cref="WebhookDelivery.Refuse"/> (503); one taken
        /// and left unanswered is refused when the receiver stops.
        /// </summary>
        public async Task<WebhookDelivery> TakeAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (!_waiting.TryDequeue(out WebhookDelivery? next) || !next.TryClaim()) continue; // withdrawn meanwhile
                if (Remember(next.Event.EventId)) return next;
                Interlocked.Increment(ref Counters.duplicates);
                next.AnswerDuplicate(); // two deliveries of one event arrived together; the first one counts
            }
        }

        /// <summary>
        /// Stops listening and frees the port; idle connections close at once, a request being answered
        /// gets up to two seconds to receive its answer. Events that arrive meanwhile get 503.
        /// </summary>
        public void Stop()
        {
            if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
            try { _listener.Stop(); } catch (SocketException) { }
            foreach (WebhookDelivery delivery in _unanswered.Keys) delivery.RefuseUnanswered();
            var grace = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                foreach (var connection in _connections)
                    if (Volatile.Read(ref connection.Value.Busy) == 0) Close(connection.Key);
                if (_connections.IsEmpty || grace.Elapsed > TimeSpan.FromSeconds(2)) break;
                Thread.Sleep(5);
            }
            foreach (TcpClient client in _connections.Keys) Close(client);
            try { _acceptLoop.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
        }

        private sealed class ConnectionState
        {
            public int Busy;
        }

        public void Dispose() => Stop();

        private bool Stopped => Volatile.Read(ref _stopped) == 1;

        private async Task AcceptLoopAsync()
        {
            while (!Stopped)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception)
                {
                    if (Stopped) return;
                    await Task.Delay(10).ConfigureAwait(false); // e.g. a connection reset before it was accepted
                    continue;
                }
                var state = new ConnectionState();
                _connections[client] = state;
                if (Stopped) Close(client);
                _ = Task.Run(() => ServeAsync(client, state));
            }
        }

        private async Task ServeAsync(TcpClient client, ConnectionState state)
        {
            try
            {
                client.NoDelay = true;
                var connection = new HttpConnection(client.GetStream());
                while (!Stopped)
                {
                    using var idle = new CancellationTokenSource(_options.IdleTimeout);
                    using (idle.Token.Register(() => Close(client)))
                    {
                        if (!await ServeOneAsync(connection, state).ConfigureAwait(false)) return;
                    }
                }
            }
            catch (Exception)
            {
                // The peer went away, the idle timer closed it, or the receiver stopped.
            }
            finally
            {
                Close(client);
            }
        }

        /// <summary>Reads and answers one request; false when the connection should close.</summary>
        private async Task<bool> ServeOneAsync(HttpConnection connection, ConnectionState state)
        {
            try
            {
                return await ServeOneAsync(connection, () => Volatile.Write(ref state.Busy, 1)).ConfigureAwait(false);
            }
            finally
            {
                Volatile.Write(ref state.Busy, 0);
            }
        }

        private async Task<bool> ServeOneAsync(HttpConnection connection, Action started)
        {
            HttpRequestHead? head;
            try
            {
                head = await connection.ReadHeadAsync(started).ConfigureAwait(false);
            }
            catch (HttpProtocolException bad)
            {
                Interlocked.Increment(ref Counters.malformed);
                _options.Log?.Invoke($"→ {bad.Status} {bad.Message}");
                await connection.WriteResponseAsync(bad.Status, Reason(bad.Status), Error(bad.Message), close: true).ConfigureAwait(false);
                return false;
            }
            if (head == null) return false;

            string? refusal = null;
            int status = 0;
            string? extra = null;
            if (!PathMatches(head.Path)) { status = 404; refusal = $"No webhook endpoint at {head.Path}; POST to {Uri.AbsolutePath}."; }
            else if (!string.Equals(head.Method, "POST", StringComparison.OrdinalIgnoreCase)) { status = 405; refusal = "Webhooks are POSTed."; extra = "Allow: POST\r\n"; }
            else if (head.ContentLength > _options.MaxBodyBytes) { status = 413; refusal = $"The body is larger than {_options.MaxBodyBytes} bytes."; }
            if (refusal != null)
                return await RefuseAsync(connection, head, status, refusal, extra, closeIfBody: true).ConfigureAwait(false);

            if (head.ExpectsContinue) await connection.WriteContinueAsync().ConfigureAwait(false);
            byte[]? body;
            try
            {
                body = await connection.ReadBodyAsync(head, _options.MaxBodyBytes).ConfigureAwait(false);
            }
            catch (HttpProtocolException bad)
            {
                Interlocked.Increment(ref Counters.malformed);
                _options.Log?.Invoke($"→ {bad.Status} {bad.Message}");
                await connection.WriteResponseAsync(bad.Status, Reason(bad.Status), Error(bad.Message), close: true).ConfigureAwait(false);
                return false;
            }
            if (body == null)
                return await RefuseAsync(connection, head, 413, $"The body is larger than {_options.MaxBodyBytes} bytes.", null, closeIfBody: true).ConfigureAwait(false);

            (int code, string json, string? headers) = await HandleAsync(head, body).ConfigureAwait(false);
            bool close = head.WantsClose || Stopped;
            await connection.WriteResponseAsync(code, Reason(code), json, close, headers).ConfigureAwait(false);
            return !close;
        }

        private async Task<bool> RefuseAsync(HttpConnection connection, HttpRequestHead head, int status, string message, string? extraHeaders, bool closeIfBody)
        {
            Interlocked.Increment(ref Counters.rejected);
            bool close = head.WantsClose || (closeIfBody && head.HasBody) || Stopped;
            _options.Log?.Invoke($"{head.Method} {head.Path} → {status} {message}");
            await connection.WriteResponseAsync(status, Reason(status), Error(message), close, extraHeaders).ConfigureAwait(false);
            if (close && head.HasBody && !Stopped) await connection.DiscardAsync(16 * 1024 * 1024, TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            return !close;
        }

        /// <summary>Verify, parse, deduplicate, filter, hand off: the answer for one complete POST.</summary>
        private async Task<(int Status, string Json, string? Headers)> HandleAsync(HttpRequestHead head, byte[] body)
        {
            if (_options.Secret != null)
            {
                WebhookSignatureResult check = WebhookSignature.Verify(body, head.Headers, _options.Secret, _options.Tolerance, _options.Clock());
                if (!check.IsValid)
                {
                    Interlocked.Increment(ref Counters.unauthorized);
                    _options.Log?.Invoke($"POST {head.Path} → 401 {check.Failure}: {check.Message}");
                    return (401, Error(check.Message, check.Failure.ToString()), null);
                }
            }

            WebhookEvent item;
            try
            {
                item = WebhookEvent.Parse(body);
            }
            catch (WebhookFormatException bad)
            {
                Interlocked.Increment(ref Counters.malformed);
                _options.Log?.Invoke($"POST {head.Path} → 400 {bad.Message}");
                return (400, Error(bad.Message, "InvalidEvent"), null);
            }

            if (AlreadySeen(item.EventId))
            {
                Interlocked.Increment(ref Counters.duplicates);
                _options.Log?.Invoke($"POST {head.Path} → 200 duplicate {item.EventType} {item.EventId}");
                return (200, "{\"received\":true,\"duplicate\":true}", null);
            }
            if (_options.Filter != null && !_options.Filter(item))
            {
                Interlocked.Increment(ref Counters.ignored);
                _options.Log?.Invoke($"POST {head.Path} → 200 filtered out {item.EventType} {item.EventId}");
                return (200, "{\"received\":true,\"ignored\":true}", null);
            }
            if (Stopped) return Unavailable(head, item, "the receiver is stopping");
            if (_waiting.Count >= _options.MaxQueuedEvents)
                return Unavailable(head, item, $"{_options.MaxQueuedEvents} events are waiting to be processed");
            WebhookDelivery delivery = await HandOffAsync(item).ConfigureAwait(false);
            return Answer(head, delivery, await delivery.Answer.ConfigureAwait(false));
        }

        /// <summary>Queues the event for the reader and waits until it is taken and answered, or withdrawn.</summary>
        private async Task<WebhookDelivery> HandOffAsync(WebhookEvent item)
        {
            var delivery = new WebhookDelivery(item);
            _unanswered[delivery] = 0;
            try
            {
                _waiting.Enqueue(delivery);
                _available.Release();
                if (Stopped) delivery.TryWithdraw(); // Stop may have swept the unanswered ones just before this one came
                Task finished = await Task.WhenAny(delivery.Answer, Task.Delay(_options.HandOffTimeout)).ConfigureAwait(false);
                if (finished != delivery.Answer) delivery.TryWithdraw(); // loses to a reader that took it just now
                await delivery.Answer.ConfigureAwait(false);
                return delivery;
            }
            finally
            {
                _unanswered.TryRemove(delivery, out _);
            }
        }

        private (int Status, string Json, string? Headers) Answer(HttpRequestHead head, WebhookDelivery delivery, HandOffAnswer answer)
        {
            WebhookEvent item = delivery.Event;
            switch (answer)
            {
                case HandOffAnswer.Accepted:
                    Interlocked.Increment(ref Counters.accepted);
                    _options.Log?.Invoke($"POST {head.Path} → 200 {item.EventType} {item.EventId}");
                    return (200, "{\"received\":true}", null);
                case HandOffAnswer.Duplicate:
                    _options.Log?.Invoke($"POST {head.Path} → 200 duplicate {item.EventType} {item.EventId}");
                    return (200, "{\"received\":true,\"duplicate\":true}", null);
                default:
                    if (delivery.WasTaken) Forget(item.EventId); // remembered when taken; a redelivery must be emitted
                    return Unavailable(head, item, Stopped ? "the receiver is stopping" : "the pipeline did not take it in time");
            }
        }

        private (int Status, string Json, string? Headers) Unavailable(HttpRequestHead head, WebhookEvent item, string why)
        {
            Interlocked.Increment(ref Counters.rejected);
            _options.Log?.Invoke($"POST {head.Path} → 503 {item.EventType} {item.EventId}: {why}");
            return (503, Error($"Not accepted: {why}; retry later."), "Retry-After: 5\r\n");
        }

        private bool AlreadySeen(string eventId)
        {
            lock (_seenGate) return _seen.Contains(eventId);
        }

        private bool Remember(string eventId)
        {
            lock (_seenGate)
            {
                if (!_seen.Add(eventId)) return false;
                _seenOrder.Enqueue(eventId);
                if (_seenOrder.Count > MaxRemembered) _seen.Remove(_seenOrder.Dequeue());
                return true;
            }
        }

        private void Forget(string eventId)
        {
            lock (_seenGate) _seen.Remove(eventId);
        }

        private bool PathMatches(string path)
        {
            string root = NormalizePath(_options.Path);
            if (root == "/") return true;
            string trimmed = root.TrimEnd('/');
            return string.Equals(path, trimmed, StringComparison.OrdinalIgnoreCase)
                || path.StartsWith(trimmed + "/", StringComparison.OrdinalIgnoreCase);
        }

        private static string NormalizePath(string? path)
        {
            if (string.IsNullOrEmpty(path)) return "/";
            return path![0] == '/' ? path : "/" + path;
        }

        private void Close(TcpClient client)
        {
            _connections.TryRemove(client, out _);
            try { client.Close(); } catch (Exception) { }
        }

        private static string Error(string message, string? reason = null)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("error", message);
                if (reason != null) writer.WriteString("reason", reason);
                writer.WriteEndObject();
            }
            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private static string Reason(int status)
        {
            switch (status)
            {
                case 200: return "OK";
                case 400: return "Bad Request";
                case 401: return "Unauthorized";
                case 404: return "Not Found";
                case 405: return "Method Not Allowed";
                case 413: return "Payload Too Large";
                case 431: return "Request Header Fields Too Large";
                case 503: return "Service Unavailable";
                default: return status.ToString(CultureInfo.InvariantCulture);
            }
        }
    }
}
