using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SendPilot.Sandbox;

namespace SendPilot.Bench;

/// <summary>
/// Svix-signed webhook deliveries for Receive-SpWebhookEvent, built and signed before the clock starts (signed with the
/// sandbox's own WebhookSigner, independent of the module). Every 25th request is a redelivery of the one before it (same
/// eventId and svix headers: answered 200, not emitted again); every 50th, from the 11th on, is signed with another
/// secret (answered 401). The rest are distinct valid events of four types.
/// </summary>
public sealed class WebhookLoad
{
    private static readonly string[] Types = ["message.sent", "reply.received", "connection_request.accepted", "lead.updated"];

    private readonly Delivery[] _deliveries;
    private readonly HashSet<string> _valid = new(StringComparer.Ordinal);

    public WebhookLoad(int count)
    {
        Secret = "whsec_" + Convert.ToBase64String(Enumerable.Range(1, 32).Select(b => (byte)b).ToArray());
        string wrong = "whsec_" + Convert.ToBase64String(Enumerable.Range(101, 32).Select(b => (byte)b).ToArray());
        var now = DateTimeOffset.UtcNow;
        long unix = now.ToUnixTimeSeconds();
        string at = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
        _deliveries = new Delivery[count];
        for (int i = 0; i < count; i++)
        {
            if (i % 25 == 24)
            {
                _deliveries[i] = _deliveries[i - 1] with { Redelivery = true };
                Redeliveries++;
                continue;
            }
            bool forged = i % 50 == 10;
            string eventId = $"evt_{now.ToUnixTimeMilliseconds()}_{i:D6}";
            string body = $"{{\"eventId\":\"{eventId}\",\"eventType\":\"{Types[i % Types.Length]}\",\"timestamp\":\"{at}\",\"workspaceId\":\"ws_sandbox\"," +
                          $"\"data\":{{\"leadId\":\"lead_{i}\",\"campaignId\":\"camp_xyz789\",\"linkedinUrl\":\"https://www.linkedin.com/in/hook-{i}\"," +
                          $"\"senderId\":\"sender_ann\",\"message\":\"Thanks for reaching out, happy to talk.\"}}}}";
            string svixId = "msg_" + eventId;
            string signature = WebhookSigner.SvixSignature(forged ? wrong : Secret, svixId, unix, body);
            _deliveries[i] = new Delivery(eventId, svixId, unix.ToString(), signature, Encoding.UTF8.GetBytes(body), forged, false);
            if (forged) Forged++;
            else _valid.Add(eventId);
        }
    }

    /// <summary>The receiver's secret (whsec_ + base64).</summary>
    public string Secret { get; }

    public int Count => _deliveries.Length;
    public int Redeliveries { get; }
    public int Forged { get; }

    /// <summary>The distinct, correctly signed events: what the receiver must emit, each once.</summary>
    public IReadOnlySet<string> ValidEventIds => _valid;

    /// <summary>
    /// Waits until <paramref name="port"/> accepts connections, then posts every delivery from <paramref name="senders"/>
    /// parallel senders (one HttpClient, keep-alive connections), taking them in order. Times are read from <paramref name="clock"/>.
    /// </summary>
    public async Task<WebhookLoadResult> PostAsync(int port, int senders, Stopwatch clock)
    {
        await WaitForListenerAsync(port);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = senders, UseProxy = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var uri = new Uri($"http://127.0.0.1:{port}/");
        var latencies = new double[_deliveries.Length];
        var statuses = new int[_deliveries.Length];
        var answerTicks = new long[_deliveries.Length];
        var answeredAt = new long[senders];
        int next = -1;
        TimeSpan first = clock.Elapsed;
        await Task.WhenAll(Enumerable.Range(0, senders).Select(s => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < _deliveries.Length)
            {
                var d = _deliveries[i];
                using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(d.Body) };
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                request.Headers.TryAddWithoutValidation("svix-id", d.SvixId);
                request.Headers.TryAddWithoutValidation("svix-timestamp", d.SvixTimestamp);
                request.Headers.TryAddWithoutValidation("svix-signature", d.Signature);
                long start = clock.ElapsedTicks;
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                long end = clock.ElapsedTicks;
                latencies[i] = (end - start) * 1000.0 / Stopwatch.Frequency;
                statuses[i] = (int)response.StatusCode;
                answerTicks[i] = end;
                answeredAt[s] = end;
            }
        })));
        var lastAnswer = TimeSpan.FromSeconds(answeredAt.Max() / (double)Stopwatch.Frequency);

        int Expected(Delivery d) => d.Forged ? 401 : 200;
        int wrong = _deliveries.Where((d, i) => statuses[i] != Expected(d)).Count();
        if (wrong > 0)
            throw new InvalidOperationException($"{wrong} webhook answers were not as expected (200 for valid events and redeliveries, 401 for a wrong signature): " +
                string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Count()}× {g.Key}")));
        // When each distinct valid event was first answered (a redelivery may be answered before its original).
        var answered = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        for (int i = 0; i < _deliveries.Length; i++)
        {
            if (_deliveries[i].Forged) continue;
            var at = TimeSpan.FromSeconds(answerTicks[i] / (double)Stopwatch.Frequency);
            if (!answered.TryGetValue(_deliveries[i].EventId, out var earlier) || at < earlier) answered[_deliveries[i].EventId] = at;
        }
        Array.Sort(latencies);
        return new WebhookLoadResult(first, lastAnswer, latencies, answered,
            statuses.Count(s => s == 200), statuses.Count(s => s == 401));
    }

    private static async Task WaitForListenerAsync(int port)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(10);
            }
        }
    }

    private sealed record Delivery(string EventId, string SvixId, string SvixTimestamp, string Signature, byte[] Body, bool Forged, bool Redelivery);
}

/// <summary>Clock readings of one load: the sorted answer latencies in ms, and when each valid event was first answered.</summary>
public sealed record WebhookLoadResult(TimeSpan FirstRequest, TimeSpan LastAnswer, double[] SortedLatenciesMs,
    IReadOnlyDictionary<string, TimeSpan> AnsweredAt, int Ok, int Unauthorized)
{
    public double Percentile(double p) => Percentile(SortedLatenciesMs, p);

    public static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
