using System.Collections.Concurrent;
using System.Diagnostics;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using SendPilot.PowerShell.Tests.Infrastructure;
using Xunit;

namespace SendPilot.PowerShell.Tests.Webhooks;

public class ReceiveWebhookTests
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 16 });

    [Fact]
    public async Task A_burst_of_1000_mixed_requests_yields_exactly_the_valid_distinct_events()
    {
        using var receiver = new WebhookReceiverHost("-Secret $secret -Count 601", Deliveries.SvixSecret);
        var expected = new List<string>();
        var requests = new List<(Func<HttpRequestMessage> Make, HttpStatusCode Status)>();
        var wrongKey = new byte[32];
        for (int i = 0; i < 1000; i++)
        {
            string id = $"evt_burst_{i:D4}";
            string Body(int n) => Deliveries.Envelope($"evt_burst_{n:D4}", n % 2 == 0 ? "message.sent" : "message.received", $"{{\"leadId\":\"lead_{n}\",\"message\":\"n{n}\"}}");
            string body = Body(i);
            switch (i % 10)
            {
                case 6: // a redelivery of an event of the burst (it may even overtake the first delivery)
                    string again = Body(i - 6);
                    requests.Add((() => Deliveries.Post(receiver.Uri, again), HttpStatusCode.OK));
                    break;
                case 7:
                    requests.Add((() => Deliveries.Post(receiver.Uri, body, sign: false), HttpStatusCode.Unauthorized));
                    break;
                case 8:
                    string broken = body.Substring(0, body.Length / 2);
                    requests.Add((() => Deliveries.Post(receiver.Uri, broken), HttpStatusCode.BadRequest));
                    break;
                case 9:
                    requests.Add((() => Deliveries.Post(receiver.Uri, body, key: wrongKey), HttpStatusCode.Unauthorized));
                    break;
                default:
                    expected.Add(id);
                    requests.Add((() => Deliveries.Post(receiver.Uri, body), HttpStatusCode.OK));
                    break;
            }
        }

        var wrong = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, requests.Count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            using var response = await Http.SendAsync(requests[i].Make());
            if (response.StatusCode != requests[i].Status) wrong.Add($"#{i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        });
        using (var last = await Http.SendAsync(Deliveries.Post(receiver.Uri, Deliveries.Envelope("evt_last", "lead.updated", "{}"))))
            Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        var events = receiver.Finish();

        Assert.Empty(wrong);
        Assert.Equal(601, events.Count);
        Assert.Equal("evt_last", events[^1].P("EventId"));
        Assert.Equal(expected.Order(), events.Take(600).Select(e => (string)e.P("EventId")!).Order());
        Assert.All(events, e => Assert.Equal("SendPilot.Client.Webhooks.WebhookEvent", e.TypeNames[0]));
        Assert.DoesNotContain(events, e => (string?)e.P("EventType") == "message.received");
        Assert.All(events.Take(600), e => Assert.Equal("lead_" + int.Parse(((string)e.P("EventId")!)[10..]), e.P("LeadId")));
    }

    [Fact]
    public void EventType_filters_with_wildcards_on_the_current_name()
    {
        using var receiver = new WebhookReceiverHost("-EventType 'campaign.*', 'reply.received' -Count 2");
        foreach (var (id, type) in new[] { ("e1", "lead.updated"), ("e2", "campaign.paused"), ("e3", "connection.sent"), ("e4", "message.received") })
            Assert.Equal(HttpStatusCode.OK, Http.Send(Deliveries.Post(receiver.Uri, Deliveries.Envelope(id, type, "{\"reply\":\"yes\"}"), sign: false)).StatusCode);

        var events = receiver.Finish();

        Assert.Equal(new object?[] { "e2", "e4" }, events.Select(e => e.P("EventId")));
        Assert.Equal("reply.received", events[1].P("EventType"));
        Assert.Equal("message.received", events[1].P("OriginalEventType"));
        Assert.Equal("yes", events[1].P("Text"));
    }

    [Fact]
    public void Oversized_bodies_get_413_other_methods_405_and_the_receiver_goes_on()
    {
        using var receiver = new WebhookReceiverHost("-MaxBodyBytes 300 -Count 1 -TimeoutSec 20");
        var big = Deliveries.Envelope("e_big", "message.sent", $"{{\"message\":\"{new string('x', 400)}\"}}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, Http.Send(Deliveries.Post(receiver.Uri, big, sign: false)).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, Http.Send(new HttpRequestMessage(HttpMethod.Put, receiver.Uri)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, Http.Send(Deliveries.Post(receiver.Uri, Deliveries.Envelope("e_small", "message.sent", "{}"), sign: false)).StatusCode);

        Assert.Equal("e_small", Assert.Single(receiver.Finish()).P("EventId"));
        Assert.Contains(receiver.Shell.Streams.Verbose, v => v.Message.Contains("→ 413"));
    }

    [Fact]
    public void TimeoutSec_ends_quietly_when_nothing_arrives()
    {
        using var receiver = new WebhookReceiverHost("-TimeoutSec 1");
        Assert.Empty(receiver.Finish());
        Assert.Contains(receiver.Shell.Streams.Verbose, v => v.Message.StartsWith($"Listening on http://127.0.0.1:{receiver.Port}/"));
        Assert.Contains(receiver.Shell.Streams.Verbose, v => v.Message.Contains("0 accepted"));
    }

    [Fact]
    public void Ctrl_C_stops_at_once_and_frees_the_port_for_a_second_receiver()
    {
        int port;
        using (var first = new WebhookReceiverHost("-Secret $secret", "whsec_" + Convert.ToBase64String(new byte[16])))
        {
            port = first.Port;
            first.Shell.Stop();
            Assert.True(first.Pending.IsCompleted || first.Pending.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(5)));
            Assert.Equal(PSInvocationState.Stopped, first.Shell.InvocationStateInfo.State);
        }
        var rebind = new TcpListener(IPAddress.Loopback, port);
        rebind.Start(); // throws if the stopped receiver still held the port
        rebind.Stop();

        using var second = new WebhookReceiverHost("-Count 1 -TimeoutSec 20", port: port);
        Assert.Equal(HttpStatusCode.OK, Http.Send(Deliveries.Post(second.Uri, Deliveries.Envelope("e_second", "message.sent", "{}"), sign: false)).StatusCode);
        Assert.Equal("e_second", Assert.Single(second.Finish()).P("EventId"));
    }

    [Fact]
    public void A_port_in_use_is_one_clear_terminating_error()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            using var session = new PsSession();
            var error = session.Terminates($"Receive-SpWebhookEvent -Port {((IPEndPoint)taken.LocalEndpoint).Port} -TimeoutSec 1");
            Assert.Equal("SendPilot.ListenFailed", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
            Assert.Contains("-Port", error.ErrorDetails.Message);
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public void Prefix_chooses_the_path_and_a_bad_prefix_is_refused()
    {
        int port = WebhookReceiverHost.FreePort();
        using var session = new PsSession();
        var (shell, pending) = session.Start($"Receive-SpWebhookEvent -Prefix 'http://localhost:{port}/sendpilot/' -Count 1 -TimeoutSec 20");
        using (shell)
        {
            HttpResponseMessage? outside = null, inside = null;
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (inside == null && DateTime.UtcNow < deadline)
            {
                try
                {
                    outside = Http.Send(Deliveries.Post(new Uri($"http://127.0.0.1:{port}/other"), Deliveries.Envelope("x", "lead.updated", "{}"), sign: false));
                    inside = Http.Send(Deliveries.Post(new Uri($"http://127.0.0.1:{port}/sendpilot/"), Deliveries.Envelope("in", "lead.updated", "{}"), sign: false));
                }
                catch (HttpRequestException) { Thread.Sleep(20); }
            }
            Assert.Equal(HttpStatusCode.NotFound, outside!.StatusCode);
            Assert.Equal(HttpStatusCode.OK, inside!.StatusCode);
            Assert.True(pending.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(20)));
            Assert.Equal("in", Assert.Single(shell.EndInvoke(pending)).P("EventId"));
        }

        var bad = session.Terminates("Receive-SpWebhookEvent -Prefix 'https://127.0.0.1:8443/'");
        Assert.Equal("SendPilot.InvalidPrefix", bad.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("TLS", bad.Exception.Message);
    }
}
