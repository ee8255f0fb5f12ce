using Xunit;

namespace SendPilot.Client.Tests.Sandbox;

public sealed class SandboxCampaignTests(SandboxFixture fixture) : SandboxTestBase(fixture)
{
    [Fact]
    public async Task CurrentGenerationPagesWithPagination()
    {
        var body = await JsonAsync(await GetAsync("/campaigns?page=3&limit=20"));

        Assert.Equal(5, body.GetProperty("campaigns").GetArrayLength());
        var pagination = body.GetProperty("pagination");
        Assert.Equal(3, pagination.GetProperty("page").GetInt32());
        Assert.Equal(45, pagination.GetProperty("total").GetInt32());
        Assert.Equal(3, pagination.GetProperty("totalPages").GetInt32());
    }

    [Fact]
    public async Task LegacyGenerationUsesDataMetaAndUpperCaseStatus()
    {
        var body = await JsonAsync(await GetAsync("/campaigns?status=active&limit=5", legacy: true));

        var first = body.GetProperty("data")[0];
        Assert.Equal("camp_xyz789", first.GetProperty("id").GetString());
        Assert.Equal("STARTED", first.GetProperty("status").GetString());
        Assert.Equal(12, body.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.False(body.TryGetProperty("pagination", out _));
    }

    [Fact]
    public async Task LimitAbove100Is400()
    {
        Assert.Equal(400, (int)(await GetAsync("/campaigns?limit=101")).StatusCode);
    }

    [Fact]
    public async Task PauseOnlyFromStarted()
    {
        var pause = await SendAsync(HttpMethod.Patch, "/campaigns/camp_xyz789", new { action = "pause" });
        Assert.Equal("paused", (await JsonAsync(pause)).GetProperty("newStatus").GetString());

        var again = await SendAsync(HttpMethod.Patch, "/campaigns/camp_xyz789", new { action = "pause" });
        await AssertErrorAsync(again, 400, "Invalid action or campaign state");
        Assert.Equal("paused", Server.State.Campaigns.Find("camp_xyz789")!.Status);
    }
}
