using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using SendPilot.Client.Http;
using SendPilot.Client.Tests.Sandbox;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.Client.Tests;

/// <summary>The core's retry rules, against the sandbox over real loopback HTTP.</summary>
public class DeliveryTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxServer _sandbox;
    private readonly List<string> _verbose = new();

    public DeliveryTests(SandboxFixture fixture)
    {
        _sandbox = fixture.Server;
        _sandbox.Reset();
    }

    private SendPilotClient CreateClient(Uri? baseUri = null, double timeoutSec = 10, int retries = 3) =>
        new(new SendPilotConnection(_sandbox.ApiKey, baseUri ?? _sandbox.BaseUri, TimeSpan.FromSeconds(timeoutSec),
                new RetryPolicy { MaxRetries = retries, BaseDelay = TimeSpan.FromMilliseconds(50) }),
            new ClientLog(line => { lock (_verbose) _verbose.Add(line); }, null));

    private static ApiRequest Send(string slug) => new ApiRequest(HttpMethod.Post, "/inbox/send") { Delivery = DeliveryMode.AtMostOnce }
        .WithBody(new Dictionary<string, object>
        {
            ["senderId"] = "sender_ann",
            ["recipientLinkedinUrl"] = "https://www.linkedin.com/in/" + slug,
            ["message"] = "Hello from the delivery tests",
        });

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_send_answered_with_a_server_error_is_not_repeated(int status)
    {
        _sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/inbox/send", Status = status, Count = 0 });
        var failure = await Assert.ThrowsAsync<SendPilotApiException>(() => CreateClient().SendAsync(Send("ann-server-error")));

        Assert.Equal(ApiErrorKind.DeliveryUnknown, failure.Kind);
        Assert.Equal(status, failure.StatusCode);
        Assert.Equal(1, _sandbox.CountRequests("POST", "/inbox/send"));
    }

    [Fact]
    public async Task A_send_whose_connection_dropped_after_processing_is_not_repeated()
    {
        _sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/inbox/send", Drop = true, ProcessFirst = true });
        var failure = await Assert.ThrowsAsync<SendPilotApiException>(() => CreateClient().SendAsync(Send("ann-dropped")));

        Assert.Equal(ApiErrorKind.DeliveryUnknown, failure.Kind);
        Assert.Equal(1, _sandbox.CountRequests("POST", "/inbox/send"));
    }

    [Fact]
    public async Task A_send_that_timed_out_is_not_repeated()
    {
        _sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/inbox/send", DelayMs = 3000 });
        var failure = await Assert.ThrowsAsync<SendPilotApiException>(() => CreateClient(timeoutSec: 0.5).SendAsync(Send("ann-timeout")));

        Assert.Equal(ApiErrorKind.DeliveryUnknown, failure.Kind);
        Assert.Contains("timed out", failure.Message);
        // The sandbox logs an abandoned request only once it notices the abort; the client has already given up.
        SpinWait.SpinUntil(() => _sandbox.CountRequests("POST", "/inbox/send") > 0, TimeSpan.FromSeconds(60));
        Assert.Equal(1, _sandbox.CountRequests("POST", "/inbox/send"));
    }

    [Fact]
    public async Task A_send_refused_by_the_rate_limiter_with_retry_after_is_retried_once()
    {
        _sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/inbox/send", Status = 429, RetryAfter = "1", Message = "Too many requests" });
        var response = await CreateClient().SendAsync(Send("ann-rate-limited"));

        Assert.Equal(2, response.Attempts);
        Assert.Equal(0, response.UncertainAttempts);
        Assert.Equal(2, _sandbox.CountRequests("POST", "/inbox/send"));
    }

    [Fact]
    public async Task A_daily_limit_429_is_not_retried_even_with_retry_after()
    {
        _sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/inbox/send", Status = 429, RetryAfter = "1", Message = "Daily message limit exceeded" });
        var failure = await Assert.ThrowsAsync<SendPilotApiException>(() => CreateClient().SendAsync(Send("ann-daily")));

        Assert.Equal(ApiErrorKind.DailyLimitReached, failure.Kind);
        Assert.True(failure.IsDailyLimit);
        Assert.Equal(1, _sandbox.CountRequests("POST", "/inbox/send"));
    }

    [Fact]
    public async Task A_refused_connection_never_reached_the_server_so_a_send_may_retry_it()
    {
        var closedPort = ClosedLoopbackPort();
        var client = CreateClient(new Uri($"http://127.0.0.1:{closedPort}/v1"), retries: 2);
        var failure = await Assert.ThrowsAsync<SendPilotApiException>(() => client.SendAsync(Send("ann-refused")));

        Assert.Equal(ApiErrorKind.Network, failure.Kind);
        Assert.Equal(2, _verbose.Count(line => line.StartsWith("Retrying POST /inbox/send")));
    }

    [Fact]
    public async Task A_read_is_retried_after_a_dropped_connection_and_counts_the_uncertain_attempt()
    {
        _sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/campaigns", Drop = true });
        var response = await CreateClient().SendAsync(new ApiRequest(HttpMethod.Get, "/campaigns"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(1, response.UncertainAttempts);
        Assert.Equal(2, _sandbox.CountRequests("GET", "/campaigns"));
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_honoured()
    {
        // An HTTP date has whole seconds: three seconds ahead is at least two after truncation.
        string date = DateTimeOffset.UtcNow.AddSeconds(3).ToString("r");
        _sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/credits", Status = 503, RetryAfter = date });
        await CreateClient().SendAsync(new ApiRequest(HttpMethod.Get, "/credits"));

        Assert.Equal(2, _sandbox.CountRequests("GET", "/credits"));
        var credits = _sandbox.Requests.Where(r => r.Path == "/credits").ToList();
        var (refused, retried) = (credits[0], credits[1]);
        Assert.Equal(503, refused.Status);
        Assert.True(retried.Time - refused.Time >= TimeSpan.FromSeconds(1), $"retried {retried.Time - refused.Time} after the 503, before its Retry-After");
    }

    [Fact]
    public async Task The_api_message_array_and_error_are_kept_and_the_key_is_redacted()
    {
        _sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/credits", Status = 400, Message = "leaked " + _sandbox.ApiKey });
        var failure = await Assert.ThrowsAsync<SendPilotApiException>(() => CreateClient().SendAsync(new ApiRequest(HttpMethod.Get, "/credits")));

        Assert.Equal(400, failure.StatusCode);
        Assert.Equal("Bad Request", failure.ApiError);
        Assert.Equal("GET", failure.Method);
        Assert.StartsWith("/v1/credits", failure.RequestPath);
        Assert.DoesNotContain(_sandbox.ApiKey, failure.Message + failure.ResponseBody + failure.ApiMessage);
    }

    [Theory]
    [InlineData("http://api.sendpilot.ai/v1", false)]
    [InlineData("http://10.0.0.5/v1", false)]
    [InlineData("ftp://127.0.0.1/v1", false)]
    [InlineData("http://127.0.0.1:8080/v1", true)]
    [InlineData("http://localhost:8080/v1", true)]
    [InlineData("http://[::1]:5080/v1", true)]
    [InlineData("https://api.sendpilot.ai/v1", true)]
    public void Only_https_or_loopback_base_uris_are_accepted(string uri, bool accepted)
    {
        if (accepted) Assert.Equal(new Uri(uri), SendPilotConnection.ValidateBaseUri(new Uri(uri)));
        else Assert.Throws<ArgumentException>(() => SendPilotConnection.ValidateBaseUri(new Uri(uri)));
    }

    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
