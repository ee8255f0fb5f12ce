using System.Net.Http;
using System.Text;
using SendPilot.Client.Http;
using SendPilot.Client.Tests.Sandbox;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.Client.Tests.Http;

/// <summary>
/// The core against odd and hostile answers: redirects between two loopback origins (127.0.0.1 and 127.0.0.2,
/// each its own sandbox, whose request logs say where the key arrived), oversized and empty answers, and key echoes.
/// </summary>
public sealed class CoreHardeningTests : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    private readonly SandboxServer _api;
    private SandboxServer _elsewhere = null!;

    public CoreHardeningTests(SandboxFixture fixture)
    {
        _api = fixture.Server;
        _api.Reset();
    }

    public async Task InitializeAsync() => _elsewhere = await SandboxServer.StartAsync(new SandboxOptions { Host = "127.0.0.2" });

    public async Task DisposeAsync() => await _elsewhere.DisposeAsync();

    private SendPilotClient Client(ClientLog? log = null) => new(new SendPilotConnection(_api.ApiKey, _api.BaseUri), log);

    private void Redirect(string method, string path, int status, string location, int count = 1) =>
        _api.InjectFault(new FaultRule { Method = method, Path = path, Status = status, Location = location, Count = count });

    [Fact]
    public async Task A_redirect_to_another_loopback_host_is_refused_naming_the_location_and_the_key_never_arrives_there()
    {
        Redirect("GET", "/campaigns", 302, new Uri(_elsewhere.BaseUri, "v1/campaigns?page=1").AbsoluteUri);

        var refused = await Assert.ThrowsAsync<SendPilotApiException>(() => Client().ListCampaigns(null).NextAsync(default));

        Assert.Equal(ApiErrorKind.Redirect, refused.Kind);
        Assert.Equal(302, refused.StatusCode);
        Assert.Contains("127.0.0.2", refused.Message);
        Assert.StartsWith($"http://127.0.0.2:{_elsewhere.RootUri.Port}/v1/campaigns", refused.RedirectLocation);
        Assert.Empty(_elsewhere.Requests);
        Assert.Equal(1, _api.CountRequests("GET", "/campaigns"));
    }

    [Fact]
    public async Task A_post_redirected_even_to_its_own_origin_is_not_sent_again()
    {
        Redirect("POST", "/inbox/send", 307, new Uri(_api.BaseUri, "v1/inbox/send").AbsoluteUri);
        Redirect("POST", "/leads", 303, new Uri(_elsewhere.BaseUri, "v1/leads").AbsoluteUri);

        var send = await Assert.ThrowsAsync<SendPilotApiException>(() => Client().SendMessageAsync("sender_ann", "Hi", false, null, "https://www.linkedin.com/in/x", null));
        var leads = await Assert.ThrowsAsync<SendPilotApiException>(() => Client().SendAsync(
            new ApiRequest(HttpMethod.Post, "/leads").WithBody(new { campaignId = "camp_xyz789", leads = new[] { new { linkedinUrl = "https://www.linkedin.com/in/x" } } })));

        Assert.Equal(ApiErrorKind.Redirect, send.Kind);
        Assert.Equal(ApiErrorKind.Redirect, leads.Kind);
        Assert.Equal(1, _api.CountRequests("POST", "/inbox/send"));
        Assert.Equal(1, _api.CountRequests("POST", "/leads"));
        Assert.Empty(_elsewhere.Requests);
        Assert.DoesNotContain(_api.Requests, r => r.Method == "GET");
    }

    [Fact]
    public async Task A_same_origin_redirect_of_a_get_is_followed_with_the_key_and_hops_are_bounded()
    {
        Redirect("GET", "/campaigns/old_name", 301, "/v1/campaigns/camp_xyz789");
        var campaign = await Client().GetCampaignAsync("old_name");

        Assert.Equal("camp_xyz789", campaign.Id);
        Assert.Collection(_api.Requests,
            first => Assert.Equal(("/campaigns/old_name", 301, true), (first.Path, first.Status, first.HadApiKey)),
            second => Assert.Equal(("/campaigns/camp_xyz789", 200, true), (second.Path, second.Status, second.HadApiKey)));

        _api.ClearRequests();
        Redirect("GET", "/campaigns/loop", 302, "/v1/campaigns/loop", count: 0);
        var loop = await Assert.ThrowsAsync<SendPilotApiException>(() => Client().GetCampaignAsync("loop"));
        Assert.Equal(ApiErrorKind.Redirect, loop.Kind);
        Assert.Equal(1 + Redirects.MaxHops, _api.CountRequests("GET", "/campaigns/loop"));
    }

    [Fact]
    public async Task An_answer_over_the_size_limit_is_an_error_and_is_not_read_whole()
    {
        string big = "{\"campaigns\":[\"" + new string('x', 3 * 1024 * 1024) + "\"]}";
        _api.InjectFault(new FaultRule { Method = "GET", Path = "/campaigns", Status = 200, Body = big });
        var connection = new SendPilotConnection(_api.ApiKey, _api.BaseUri) { MaxResponseBytes = 1024 * 1024 };

        var tooBig = await Assert.ThrowsAsync<SendPilotApiException>(() => new SendPilotClient(connection).ListCampaigns(null).NextAsync(default));

        Assert.Equal(ApiErrorKind.ServerError, tooBig.Kind);
        Assert.Contains("larger than the connection's 1 MB limit", tooBig.Message);
        Assert.Equal(1, _api.CountRequests("GET", "/campaigns"));
    }

    [Theory]
    [InlineData("", "an empty body")]
    [InlineData("null", "null")]
    [InlineData("42", "a bare number")]
    public async Task A_list_read_answered_2xx_without_a_list_is_an_error_naming_the_request(string body, string described)
    {
        _api.InjectFault(new FaultRule { Method = "GET", Path = "/campaigns", Status = 200, Body = body });

        var odd = await Assert.ThrowsAsync<SendPilotApiException>(() => Client().ListCampaigns("active").NextAsync(default));

        Assert.Equal(ApiErrorKind.ServerError, odd.Kind);
        Assert.StartsWith("GET /v1/campaigns?status=active&page=1&limit=100 answered 200 with " + described, odd.Message);
    }

    [Fact]
    public void Redaction_catches_the_key_escaped_encoded_case_changed_and_in_part()
    {
        const string key = "sp_live_Ab3dEf6hIj9kLm2nOp5q";
        var connection = new SendPilotConnection(key, new Uri("https://api.sendpilot.ai/v1"));
        string escaped = string.Concat(key.Select(c => $"\\u{(int)c:x4}"));
        string[] echoes =
        {
            key, key.ToUpperInvariant(), key.ToLowerInvariant(), escaped, Uri.EscapeDataString(key).Replace("_", "%5F"),
            key[..^1], key[1..], key.Substring(5, 12), "sp\\u005flive\\/x", // the last is no run of 12: left alone
        };

        foreach (string echo in echoes.Take(8))
        {
            string redacted = connection.Redact($"before {echo} after");
            Assert.Equal("before *** after", redacted);
        }
        Assert.Equal("sp\\u005flive\\/x", connection.Redact(echoes[8]));
        Assert.Equal("GET /v1/campaigns → 200 in 12 ms", connection.Redact("GET /v1/campaigns → 200 in 12 ms"));
    }

    [Fact]
    public async Task The_debug_body_is_redacted_before_it_is_cut_so_a_key_split_by_the_cut_shows_nothing()
    {
        string key = _api.ApiKey;
        string padding = new string('a', 2048 - 12 - 13); // the key starts 13 characters before the 2,048-character cut
        _api.InjectFault(new FaultRule { Method = "GET", Path = "/campaigns/*", Status = 400, Body = "{\"message\":\"" + padding + key + new string('z', 200) + "\"}" });
        var debug = new List<string>();

        await Assert.ThrowsAsync<SendPilotApiException>(() => Client(new ClientLog(null, debug.Add)).GetCampaignAsync("camp_xyz789"));

        string response = Assert.Single(debug, d => d.StartsWith("HTTP response"));
        Assert.Contains("…(truncated)", response);
        Assert.DoesNotContain(key[..8], response);
        Assert.Contains(padding + "***", response);
    }
}
