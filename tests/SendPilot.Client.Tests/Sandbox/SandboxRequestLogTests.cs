using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.Client.Tests.Sandbox;

public sealed class SandboxRequestLogTests(SandboxFixture fixture) : SandboxTestBase(fixture)
{
    [Fact]
    public async Task LogRecordsPathAfterPrefixAndCounts()
    {
        await GetAsync("/campaigns/camp_xyz789");
        await GetAsync("/campaigns", legacy: true);
        await GetAsync("/me", key: "");

        var log = Server.Requests;
        Assert.Equal(["/campaigns/camp_xyz789", "/campaigns", "/me"], log.Select(r => r.Path));
        Assert.Equal("/api/v1/campaigns", log[1].RawPath);
        Assert.Equal(401, log[2].Status);
        Assert.False(log[2].HadApiKey);
        Assert.Equal(2, Server.CountRequests("GET", "/campaigns*"));
        Assert.Equal(1, Server.CountRequests("GET", "/campaigns/*"));
        Assert.Equal(0, Server.CountRequests("POST", "*"));
    }

    [Fact]
    public async Task CountsOutliveTheLogCapacity()
    {
        await using var small = await SandboxServer.StartAsync(new SandboxOptions { RequestLogCapacity = 2 });
        using var http = new HttpClient();
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, small.BaseUri + "/me");
            request.Headers.Add("X-API-Key", small.ApiKey);
            await http.SendAsync(request);
        }

        Assert.Equal(2, small.Requests.Count);
        Assert.Equal(5, small.Requests[^1].Sequence);
        Assert.Equal(5, small.CountRequests("GET", "/me"));
    }
}
