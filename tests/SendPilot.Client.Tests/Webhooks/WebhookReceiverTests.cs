using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using SendPilot.Client.Webhooks;
using Xunit;

namespace SendPilot.Client.Tests.Webhooks;

public sealed class WebhookReceiverTests : IDisposable
{
    private const string Secret = "whsec_c2VjcmV0LWtleS1mb3ItdGVzdHMtMDEyMzQ1Njc4OQ==";
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(5) });
    private readonly WebhookReceiver _receiver;

    public WebhookReceiverTests()
    {
        _receiver = WebhookReceiver.Start(new WebhookReceiverOptions { Path = "/hooks", Secret = Secret, MaxBodyBytes = 4096 });
    }

    public void Dispose() => _receiver.Dispose();

    private Uri Hooks => _receiver.Uri;

    private static HttpRequestMessage Signed(Uri uri, string eventType, string? eventId = null, string? body = null)
    {
        var now = DateTimeOffset.UtcNow;
        var bytes = body == null ? WebhookSamples.Create(eventType, null, now, eventId) : Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var h in WebhookSignature.CreateHeaders(WebhookSignatureScheme.Svix, Secret, "msg_" + Guid.NewGuid(), now, bytes))
            request.Headers.TryAddWithoutValidation(h.Key, h.Value);
        return request;
    }

    private async Task<WebhookEvent> Next() =>
        await _receiver.ReceiveAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);

    /// <summary>Sends raw bytes on one connection and returns everything the receiver writes until it closes or goes quiet.</summary>
    private async Task<string> Raw(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _receiver.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        client.Client.Shutdown(SocketShutdown.Send);
        var answer = new MemoryStream();
        var buffer = new byte[8192];
        int n;
        while ((n = await stream.ReadAsync(buffer)) > 0) answer.Write(buffer, 0, n);
        return Encoding.UTF8.GetString(answer.ToArray());
    }

    [Fact]
    public async Task A_signed_event_is_answered_200_and_queued_once_even_when_delivered_twice()
    {
        var next = Next(); // an event is answered 200 only once a reader has taken it
        var first = await Http.SendAsync(Signed(Hooks, "reply.received", "evt_dup"));
        var again = await Http.SendAsync(Signed(Hooks, "reply.received", "evt_dup"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("duplicate", await again.Content.ReadAsStringAsync());
        var e = await next;
        Assert.Equal("evt_dup", e.EventId);
        Assert.Equal(1, _receiver.Counters.Accepted);
        Assert.Equal(1, _receiver.Counters.Duplicates);
    }

    [Fact]
    public async Task Unsigned_and_badly_signed_requests_get_401_with_the_reason()
    {
        var body = Encoding.UTF8.GetString(WebhookSamples.Create("message.sent", null, DateTimeOffset.UtcNow));
        var unsigned = await Http.PostAsync(Hooks, new StringContent(body, Encoding.UTF8, "application/json"));
        var tampered = Signed(Hooks, "message.sent");
        var original = await tampered.Content!.ReadAsByteArrayAsync();
        tampered.Content = new ByteArrayContent(original.Concat(" "u8.ToArray()).ToArray());
        var bad = await Http.SendAsync(tampered);

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Contains("MissingHeader", await unsigned.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Contains("Mismatch", await bad.Content.ReadAsStringAsync());
        Assert.Equal(2, _receiver.Counters.Unauthorized);
        Assert.Equal(0, _receiver.Counters.Accepted);
    }

    [Fact]
    public async Task Signed_but_malformed_json_gets_400_naming_the_problem()
    {
        var notJson = await Http.SendAsync(Signed(Hooks, "x", body: "{\"eventId\":"));
        var noType = await Http.SendAsync(Signed(Hooks, "x", body: "{\"eventId\":\"e\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{}}"));

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("not valid JSON", await notJson.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
        Assert.Contains("eventType", await noType.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Other_methods_get_405_other_paths_404_and_big_bodies_413()
    {
        var get = await Http.GetAsync(Hooks);
        var elsewhere = await Http.SendAsync(Signed(new Uri(Hooks, "/other"), "message.sent"));
        var big = await Http.PostAsync(Hooks, new ByteArrayContent(new byte[100_000]));
        var taken = Next();
        var subPath = await Http.SendAsync(Signed(new Uri(Hooks + "/sendpilot"), "message.sent"));
        await taken;

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal("POST", string.Join(",", get.Content.Headers.Allow));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal(HttpStatusCode.OK, subPath.StatusCode);
    }

    [Fact]
    public async Task Chunked_bodies_expect_continue_and_keep_alive_requests_all_work()
    {
        var chunked = Signed(Hooks, "lead.updated", "evt_chunked");
        var bytes = await chunked.Content!.ReadAsByteArrayAsync();
        chunked.Content = new StreamContent(new MemoryStream(bytes)); // no length: sent chunked
        chunked.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var continued = Signed(Hooks, "lead.updated", "evt_continue");
        continued.Headers.ExpectContinue = true;

        var firstTaken = Next();
        Assert.Equal(HttpStatusCode.OK, (await Http.SendAsync(chunked)).StatusCode);
        Assert.Equal("evt_chunked", (await firstTaken).EventId);
        var secondTaken = Next();
        Assert.Equal(HttpStatusCode.OK, (await Http.SendAsync(continued)).StatusCode);
        Assert.Equal("evt_continue", (await secondTaken).EventId);

        // Two requests on one connection, the second asking to close.
        var body = Encoding.UTF8.GetString(WebhookSamples.Create("campaign.paused", null, DateTimeOffset.UtcNow, "evt_k1"));
        var headers = WebhookSignature.CreateHeaders(WebhookSignatureScheme.Docs, "plain", "m", DateTimeOffset.UtcNow, Encoding.UTF8.GetBytes(body));
        string answer = await Raw("GET /hooks HTTP/1.1\r\nHost: x\r\n\r\n" +
                                  $"POST /hooks HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");
        Assert.StartsWith("HTTP/1.1 405 Method Not Allowed", answer);
        Assert.Contains("HTTP/1.1 401 Unauthorized", answer); // signed with another secret's scheme: not accepted
        Assert.Equal(2, answer.Split("HTTP/1.1 ").Length - 1);
    }

    [Fact]
    public async Task A_signature_header_sent_on_two_lines_still_verifies()
    {
        var now = DateTimeOffset.UtcNow;
        var body = Encoding.UTF8.GetString(WebhookSamples.Create("lead.updated", null, now, "evt_two_lines"));
        var rotated = "whsec_" + Convert.ToBase64String(new byte[24]);
        var old = WebhookSignature.SignStandard(rotated, "m1", now.ToUnixTimeSeconds(), Encoding.UTF8.GetBytes(body));
        var current = WebhookSignature.SignStandard(Secret, "m1", now.ToUnixTimeSeconds(), Encoding.UTF8.GetBytes(body));
        var taken = Next();
        string answer = await Raw($"POST /hooks HTTP/1.1\r\nHost: x\r\nsvix-id: m1\r\nsvix-timestamp: {now.ToUnixTimeSeconds()}\r\n" +
                                  $"svix-signature: {old}\r\nsvix-signature: {current}\r\nConnection: close\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");
        Assert.StartsWith("HTTP/1.1 200 OK", answer);
        Assert.Equal("evt_two_lines", (await taken).EventId);
    }

    [Fact]
    public async Task Garbage_on_the_socket_gets_400_and_the_receiver_keeps_working()
    {
        Assert.StartsWith("HTTP/1.1 400", await Raw("HELLO\r\n\r\n"));
        Assert.StartsWith("HTTP/1.1 400", await Raw("POST /hooks HTTP/1.1\r\nContent-Length: ten\r\n\r\n"));
        Assert.StartsWith("HTTP/1.1 431", await Raw("POST /hooks HTTP/1.1\r\nX: " + new string('a', 40_000) + "\r\n\r\n"));
        Assert.StartsWith("HTTP/1.1 400", await Raw("POST /hooks HTTP/1.1\r\nContent-Len")); // the peer stopped sending mid-head

        var taken = Next();
        Assert.Equal(HttpStatusCode.OK, (await Http.SendAsync(Signed(Hooks, "message.sent", "evt_after"))).StatusCode);
        Assert.Equal("evt_after", (await taken).EventId);
    }

    [Fact]
    public async Task The_filter_acknowledges_but_does_not_queue()
    {
        using var receiver = WebhookReceiver.Start(new WebhookReceiverOptions { Filter = e => e.EventType.StartsWith("campaign.") });
        var taken = receiver.ReceiveAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        var lead = await Http.PostAsync(receiver.Uri, new ByteArrayContent(WebhookSamples.Create("lead.updated", null, DateTimeOffset.UtcNow)));
        var campaign = await Http.PostAsync(receiver.Uri, new ByteArrayContent(WebhookSamples.Create("campaign.paused", null, DateTimeOffset.UtcNow)));

        Assert.Equal(HttpStatusCode.OK, lead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, campaign.StatusCode);
        var e = await taken;
        Assert.Equal("campaign.paused", e.EventType);
        Assert.Equal(1, receiver.Counters.Ignored);
    }

    private static HttpRequestMessage SignedBytes(Uri uri, byte[] bytes)
    {
        var now = DateTimeOffset.UtcNow;
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(bytes) };
        foreach (var h in WebhookSignature.CreateHeaders(WebhookSignatureScheme.Svix, Secret, "msg_" + Guid.NewGuid(), now, bytes))
            request.Headers.TryAddWithoutValidation(h.Key, h.Value);
        return request;
    }

    private static async Task<string> Reason(HttpResponseMessage response) =>
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;

    [Fact]
    public async Task Correctly_signed_bodies_with_an_impossible_timestamp_or_invalid_utf8_get_400_with_a_reason()
    {
        var farFuture = Encoding.UTF8.GetBytes("{\"eventId\":\"evt_t\",\"eventType\":\"lead.updated\",\"timestamp\":99999999999999999,\"data\":{}}");
        var invalidUtf8 = Encoding.UTF8.GetBytes("{\"eventId\":\"evt_").Concat(new byte[] { 0xC3, 0x28 })
            .Concat(Encoding.UTF8.GetBytes("\",\"eventType\":\"lead.updated\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{}}")).ToArray();

        var time = await Http.SendAsync(SignedBytes(Hooks, farFuture));
        var utf8 = await Http.SendAsync(SignedBytes(Hooks, invalidUtf8));

        Assert.Equal(HttpStatusCode.BadRequest, time.StatusCode);
        Assert.Contains("'timestamp' 99999999999999999 is outside the dates", await Reason(time));
        Assert.Equal(HttpStatusCode.BadRequest, utf8.StatusCode);
        Assert.Contains("not valid UTF-8", await Reason(utf8));
        Assert.Equal(2, _receiver.Counters.Malformed);
    }

    [Fact]
    public async Task A_malformed_chunk_gets_400_not_431()
    {
        string runOn = await Raw("POST /hooks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n0\r\n\r\n");
        string longSize = await Raw("POST /hooks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + new string('0', 2000) + "5\r\n");

        Assert.StartsWith("HTTP/1.1 400 Bad Request", runOn);
        Assert.Contains("Malformed chunk", runOn);
        Assert.StartsWith("HTTP/1.1 400 Bad Request", longSize);
    }

    [Fact]
    public void Stop_frees_the_port_at_once_even_with_a_connection_open()
    {
        var receiver = WebhookReceiver.Start(new WebhookReceiverOptions());
        int port = receiver.Port;
        using var idle = new TcpClient();
        idle.Connect(IPAddress.Loopback, port);
        Assert.Throws<SocketException>(() => WebhookReceiver.Start(new WebhookReceiverOptions { Port = port }));

        receiver.Stop();

        using var second = WebhookReceiver.Start(new WebhookReceiverOptions { Port = port });
        Assert.Equal(port, second.Port);
    }
}
