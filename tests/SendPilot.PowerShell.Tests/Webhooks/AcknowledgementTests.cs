using System.Management.Automation;
using System.Net;
using SendPilot.PowerShell.Tests.Infrastructure;
using Xunit;

namespace SendPilot.PowerShell.Tests.Webhooks;

/// <summary>
/// No event is answered 200 and then lost: in every way the receiver can end, the events its senders got a 200 for
/// are exactly the events it wrote to the pipeline; the others were answered 503 (or found the port closed), so
/// SendPilot delivers them again.
/// </summary>
public class AcknowledgementTests
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task With_Count_only_the_events_emitted_are_acknowledged_and_the_rest_get_503_with_retry_after()
    {
        using var run = new ReceiverPipeline("-Count 5");
        var answers = await run.Burst("count", 20);
        run.WaitForEnd();

        Assert.Equal(5, run.EmittedIds.Count);
        AssertAcknowledgedEqualsEmitted(answers, run);
        Assert.Equal(15, answers.Count(a => a.Status != HttpStatusCode.OK));
    }

    [Fact]
    public async Task With_TimeoutSec_and_a_slow_pipeline_nothing_acknowledged_is_left_unemitted()
    {
        using var run = new ReceiverPipeline("-TimeoutSec 2", "ForEach-Object { [Threading.Thread]::Sleep(250); $_ }");
        var answers = await run.Burst("timeout", 20);
        run.WaitForEnd();

        Assert.InRange(run.EmittedIds.Count, 1, 19);
        AssertAcknowledgedEqualsEmitted(answers, run);
    }

    [Fact]
    public async Task On_Ctrl_C_the_events_waiting_are_refused_and_every_acknowledged_one_was_emitted()
    {
        using var run = new ReceiverPipeline("");
        var burst = run.Burst("stop", 100);
        run.WaitUntilEmitted(3);
        run.Stop();
        var answers = await burst;

        Assert.Equal(PSInvocationState.Stopped, run.State);
        Assert.InRange(run.EmittedIds.Count, 3, 99);
        AssertAcknowledgedEqualsEmitted(answers, run);
    }

    [Fact]
    public async Task On_Ctrl_C_while_a_slow_downstream_command_holds_an_event_that_event_is_refused_so_it_comes_again()
    {
        using var run = new ReceiverPipeline("", "ForEach-Object { [Threading.Thread]::Sleep(200); $_ }");
        var burst = run.Burst("slowstop", 20);
        run.WaitUntilEmitted(3);
        run.Stop();
        var answers = await burst;

        // The event in the downstream command when Ctrl+C came may or may not have come out of it; it is answered 503
        // either way (redelivered, at-least-once). Every event that got a 200 came out.
        var acknowledged = answers.Where(a => a.Status == HttpStatusCode.OK).Select(a => a.EventId).ToHashSet();
        Assert.Subset(run.EmittedIds.ToHashSet(), acknowledged);
        var emittedNotAcknowledged = run.EmittedIds.Where(id => !acknowledged.Contains(id)).ToList();
        Assert.True(emittedNotAcknowledged.Count <= 1, string.Join(", ", emittedNotAcknowledged));
        Assert.All(emittedNotAcknowledged, id => Assert.Equal(HttpStatusCode.ServiceUnavailable, answers.Single(a => a.EventId == id).Status));
    }

    [Fact]
    public async Task A_stalled_pipeline_gets_events_refused_after_AcknowledgeTimeoutSec_and_none_is_emitted_later()
    {
        using var run = new ReceiverPipeline("-AcknowledgeTimeoutSec 1 -TimeoutSec 6",
            "ForEach-Object -Begin { $stalled = $false } -Process { if (-not $stalled) { $stalled = $true; [Threading.Thread]::Sleep(4000) }; $_ }");
        var answers = await run.Burst("stall", 10);
        run.WaitForEnd();

        AssertAcknowledgedEqualsEmitted(answers, run);
        Assert.Contains(answers, a => a.Status == HttpStatusCode.ServiceUnavailable);
        Assert.Contains(answers, a => a.Status == HttpStatusCode.OK);
    }

    private static void AssertAcknowledgedEqualsEmitted(IReadOnlyList<Answer> answers, ReceiverPipeline run)
    {
        var acknowledged = answers.Where(a => a.Status == HttpStatusCode.OK).Select(a => a.EventId).Order().ToList();
        Assert.Equal(acknowledged, run.EmittedIds.Order().ToList());
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a =>
        {
            // Refused (503 with Retry-After), or the port was already closed: either way SendPilot redelivers.
            Assert.True(a.Status is HttpStatusCode.ServiceUnavailable or 0, $"{a.EventId}: {(int)a.Status}");
            if (a.Status == HttpStatusCode.ServiceUnavailable) Assert.True(a.RetryAfter, $"{a.EventId}: 503 without Retry-After");
        });
    }

    public sealed record Answer(string EventId, HttpStatusCode Status, bool RetryAfter);

    /// <summary>Receive-SpWebhookEvent on a free port, piped into <c>downstream</c>, with its output collected as it is written.</summary>
    private sealed class ReceiverPipeline : IDisposable
    {
        private readonly PsSession _session = new();
        private readonly System.Management.Automation.PowerShell _shell = System.Management.Automation.PowerShell.Create();
        private readonly PSDataCollection<PSObject> _output = new();
        private readonly IAsyncResult _pending;
        private readonly Uri _uri;

        public ReceiverPipeline(string arguments, string? downstream = null)
        {
            int port = WebhookReceiverHost.FreePort();
            _uri = new Uri($"http://127.0.0.1:{port}/");
            _shell.Runspace = _session.Runspace;
            _shell.AddScript($"Receive-SpWebhookEvent -Port {port} {arguments} -Verbose" + (downstream == null ? "" : " | " + downstream));
            _pending = _shell.BeginInvoke<PSObject, PSObject>(null, _output);
            WaitFor(() => _shell.Streams.Verbose.ToArray().Any(v => v.Message.StartsWith("Listening on")), "listening");
        }

        public List<string> EmittedIds => _output.ToArray().Select(o => (string)o.P("EventId")!).ToList();
        public PSInvocationState State => _shell.InvocationStateInfo.State;

        public async Task<IReadOnlyList<Answer>> Burst(string prefix, int count) =>
            await Task.WhenAll(Enumerable.Range(0, count).Select(i => Deliver($"evt_{prefix}_{i:D2}")));

        private async Task<Answer> Deliver(string eventId)
        {
            try
            {
                using var response = await Http.SendAsync(Deliveries.Post(_uri, Deliveries.Envelope(eventId, "lead.updated", "{}"), sign: false));
                return new Answer(eventId, response.StatusCode, response.Headers.RetryAfter != null);
            }
            catch (HttpRequestException)
            {
                return new Answer(eventId, 0, false);
            }
        }

        public void WaitUntilEmitted(int count) => WaitFor(() => _output.Count >= count, $"{count} events emitted");

        public void WaitForEnd()
        {
            if (!_pending.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30))) throw new Xunit.Sdk.XunitException("The receiver did not end.");
            Assert.Empty(_shell.Streams.Error);
        }

        public void Stop() => _shell.Stop();

        private void WaitFor(Func<bool> condition, string what)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!condition())
            {
                if (_pending.IsCompleted && !condition())
                    throw new Xunit.Sdk.XunitException($"The receiver ended before {what}: " + string.Join(" | ", _shell.Streams.Error));
                if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}.");
                Thread.Sleep(10);
            }
        }

        public void Dispose()
        {
            if (!_pending.IsCompleted) _shell.Stop();
            _shell.Dispose();
            _session.Dispose();
        }
    }
}
