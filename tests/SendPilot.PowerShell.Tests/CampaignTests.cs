using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests;

public class CampaignTests : SandboxSessionTest
{
    public CampaignTests(SandboxFixture fixture) : base(fixture) { }

    [Fact]
    public void Lists_every_campaign_across_three_pages()
    {
        var result = Session.Run("Get-SpCampaign -PageSize 20").ThrowIfFailed();

        var campaigns = result.Output;
        Assert.Equal(45, campaigns.Count);
        Assert.Equal(45, campaigns.Select(c => c.P("Id")).Distinct().Count());
        Assert.All(campaigns, c => Assert.Equal("SendPilot.Client.Models.Campaign", c.TypeNames[0]));
        var pages = Sandbox.Requests.Where(r => r.Path == "/campaigns").Select(r => r.Query).ToList();
        Assert.Equal(3, pages.Count);
        Assert.Contains("page=3", pages[2]);
        Assert.All(campaigns, c => Assert.Equal(c.P("Id"), c.P("CampaignId")));
    }

    [Fact]
    public void Status_filter_is_sent_to_the_api_and_active_means_started()
    {
        var active = Session.Run("Get-SpCampaign -Status active").ThrowIfFailed().Output;
        var paused = Session.Run("Get-SpCampaign -Status Paused").ThrowIfFailed().Output;

        Assert.NotEmpty(active);
        Assert.All(active, c => Assert.Equal("started", c.P("Status")));
        Assert.NotEmpty(paused);
        Assert.All(paused, c => Assert.Equal("paused", c.P("Status")));
        Assert.Contains(Sandbox.Requests, r => r.Path == "/campaigns" && r.Query.Contains("status=paused"));
    }

    [Fact]
    public void Name_filters_with_wildcards_and_ids_come_from_the_pipeline_by_property_name()
    {
        var byName = Session.Run("Get-SpCampaign -Name 'q4 founders*'").ThrowIfFailed();
        Assert.Equal(2, byName.Output.Count);
        Assert.All(byName.Output, c => Assert.StartsWith("Q4 Founders", (string)c.P("Name")!));
        var exact = Session.Run("Get-SpCampaign -Name 'q4 founders outreach'").ThrowIfFailed();
        Assert.Equal("camp_xyz789", Assert.Single(exact.Output).P("Id"));

        var piped = Session.Run("[pscustomobject]@{ CampaignId = 'camp_xyz789' } | Get-SpCampaign").ThrowIfFailed();
        Assert.NotNull(Assert.Single(piped.Output).P("Type"));
        Assert.Contains(Sandbox.Requests, r => r.Path == "/campaigns/camp_xyz789");
    }

    [Fact]
    public void An_unknown_id_is_a_non_terminating_not_found_and_the_others_still_come()
    {
        var result = Session.Run("Get-SpCampaign -Id camp_nope, camp_xyz789");

        Assert.Single(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("SendPilot.CampaignNotFound", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("camp_nope", error.TargetObject);
    }

    [Fact]
    public void The_old_api_generation_reads_the_same()
    {
        using var legacy = new PsSession();
        legacy.Run($"Connect-SpAccount -ApiKey '{Sandbox.ApiKey}' -BaseUri '{Sandbox.LegacyBaseUri}'").ThrowIfFailed();
        var result = legacy.Run("Get-SpCampaign -PageSize 20").ThrowIfFailed();

        var campaigns = result.Output;
        Assert.Equal(45, campaigns.Count);
        Assert.All(campaigns, c => Assert.Equal(c.P("Status"), ((string)c.P("Status")!).ToLowerInvariant()));
    }

    [Fact]
    public void Suspend_and_resume_through_the_pipeline()
    {
        var paused = Session.Run("Get-SpCampaign -Name 'Q4 Founders Outreach' | Suspend-SpCampaign -Confirm:$false").ThrowIfFailed();
        Assert.Equal("paused", Assert.Single(paused.Output).P("NewStatus"));
        Assert.Equal("paused", Session.Run("Get-SpCampaign camp_xyz789").Output.Single().P("Status"));

        var resumed = Session.Run("Get-SpCampaign camp_xyz789 | Resume-SpCampaign -Confirm:$false").ThrowIfFailed();
        Assert.Equal("started", resumed.Output.Single().P("NewStatus"));
    }

    [Fact]
    public void Resuming_a_running_campaign_is_a_clear_invalid_state_error()
    {
        var result = Session.Run("Resume-SpCampaign -CampaignId camp_xyz789 -Confirm:$false");

        var error = Assert.Single(result.Errors);
        Assert.Equal("SendPilot.InvalidCampaignState", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("camp_xyz789", error.TargetObject);
        Assert.Contains("Only a campaign that is paused can be resumed", error.ErrorDetails.Message);
    }

    [Fact]
    public void A_pause_the_api_answers_with_success_false_is_a_per_campaign_error_not_a_quiet_result()
    {
        Sandbox.InjectFault(new FaultRule { Method = "PATCH", Path = "/campaigns/*", Status = 200,
            Body = """{"success":false,"campaignId":"camp_xyz789","message":"Campaign has no active senders"}""" });
        var result = Session.Run("Suspend-SpCampaign -CampaignId camp_xyz789 -Confirm:$false");

        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("SendPilot.InvalidCampaignState", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("Campaign has no active senders", error.Exception.Message);
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        var result = Session.Run("Suspend-SpCampaign -CampaignId camp_xyz789 -WhatIf").ThrowIfFailed();
        Assert.Empty(result.Output);
        Assert.Equal(0, Sandbox.CountRequests("PATCH", "/campaigns/*"));
    }
}
