using System.Net;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.Client.Tests.Sandbox;

public sealed class SandboxAuthTests(SandboxFixture fixture) : SandboxTestBase(fixture)
{
    private static readonly string ReadOnlyKey = new SandboxOptions().ReadOnlyApiKey;

    [Fact]
    public async Task MissingOrWrongKeyIs401()
    {
        await AssertErrorAsync(await GetAsync("/campaigns", key: ""), 401, "Invalid or missing API key");
        await AssertErrorAsync(await GetAsync("/campaigns", key: "sp_live_wrong"), 401, "Invalid or missing API key");
    }

    [Fact]
    public async Task ReadOnlyKeyReadsButCannotWrite()
    {
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/campaigns", key: ReadOnlyKey)).StatusCode);

        var write = await PostAsync("/leads", new { campaignId = "camp_xyz789", leads = new[] { new { linkedinUrl = "https://www.linkedin.com/in/x" } } }, key: ReadOnlyKey);

        await AssertErrorAsync(write, 403, "Key lacks leads:write");
        Assert.Equal(120, Server.State.Leads.Count("camp_xyz789"));
    }

    [Fact]
    public async Task UnknownRouteIs404LikeNest()
    {
        await AssertErrorAsync(await PostAsync("/inbox/messages", new { }), 404, "Cannot POST /v1/inbox/messages");
    }
}
