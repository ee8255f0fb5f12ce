using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests;

/// <summary>Suspend-/Resume-SpCampaign after an answer that leaves the outcome unknown: the campaign is read again first.</summary>
public class CampaignStateTests(SandboxFixture fixture) : SandboxSessionTest(fixture)
{
    [Theory]
    [InlineData(500, false)]
    [InlineData(504, false)]
    [InlineData(null, true)]
    public void A_pause_that_went_through_but_was_answered_badly_is_reported_as_done(int? status, bool drop)
    {
        Sandbox.InjectFault(new FaultRule { Method = "PATCH", Path = "/campaigns/camp_xyz789", Status = status, Drop = drop, ProcessFirst = true });

        var result = Session.Run("Suspend-SpCampaign -CampaignId camp_xyz789 -Confirm:$false").ThrowIfFailed();

        var change = Assert.Single(result.Output);
        Assert.Equal("paused", change.P("NewStatus"));
        Assert.Equal(true, change.P("Success"));
        Assert.Equal("paused", Sandbox.State.Campaigns.Find("camp_xyz789")!.Status);
        Assert.Equal(["PATCH /campaigns/camp_xyz789", "GET /campaigns/camp_xyz789"], Sandbox.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public void A_pause_that_did_not_go_through_is_read_back_then_tried_again()
    {
        Sandbox.InjectFault(new FaultRule { Method = "PATCH", Path = "/campaigns/camp_xyz789", Status = 503 });

        var result = Session.Run("Suspend-SpCampaign -CampaignId camp_xyz789 -Confirm:$false").ThrowIfFailed();

        Assert.Equal("paused", Assert.Single(result.Output).P("NewStatus"));
        Assert.Equal(
            [("PATCH", 503), ("GET", 200), ("PATCH", 200)],
            Sandbox.Requests.Select(r => (r.Method, r.Status)));
    }

    [Fact]
    public void A_resume_answered_500_after_it_worked_is_done_and_no_invalid_state_error_follows()
    {
        Session.Run("Suspend-SpCampaign -CampaignId camp_xyz789 -Confirm:$false").ThrowIfFailed();
        Sandbox.ClearRequests();
        Sandbox.InjectFault(new FaultRule { Method = "PATCH", Path = "/campaigns/*", Status = 500, ProcessFirst = true });

        var result = Session.Run("Resume-SpCampaign -CampaignId camp_xyz789 -Confirm:$false");

        Assert.Empty(result.Errors);
        Assert.Equal("started", Assert.Single(result.Output).P("NewStatus"));
        Assert.Equal(1, Sandbox.CountRequests("PATCH", "/campaigns/*"));
    }
}
