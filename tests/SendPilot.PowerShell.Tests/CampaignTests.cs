using SendPilot.Client.Models;
using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests;

public class CampaignTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxServer _sandbox;
    private readonly PsSession _session;

    public CampaignTests(SandboxFixture fixture)
    {
        _sandbox = fixture.Server;
        _sandbox.Reset();
        _session = PsSession.ConnectedTo(_sandbox);
        _sandbox.ClearRequests();
    }

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Lists_every_campaign_across_three_pages()
    {
        var result = _session.Run("Get-SpCampaign -PageSize 20").ThrowIfFailed();

        var campaigns = result.Output.Select(o => (Campaign)o.BaseObject).ToList();
        Assert.Equal(45, campaigns.Count);
        Assert.Equal(45, campaigns.Select(c => c.Id).Distinct().Count());
        var pages = _sandbox.Requests.Where(r => r.Path == "/campaigns").Select(r => r.Query).ToList();
        Assert.Equal(3, pages.Count);
        Assert.Contains("page=3", pages[2]);
        Assert.All(campaigns, c => Assert.Equal(c.Id, c.CampaignId));
    }

    [Fact]
    public void Status_filter_is_sent_to_the_api_and_active_means_started()
    {
        var active = _session.Run("Get-SpCampaign -Status active").ThrowIfFailed().Output.Select(o => (Campaign)o.BaseObject).ToList();
        var paused = _session.Run("Get-SpCampaign -Status Paused").ThrowIfFailed().Output.Select(o => (Campaign)o.BaseObject).ToList();

        Assert.NotEmpty(active);
        Assert.All(active, c => Assert.Equal("started", c.Status));
        Assert.NotEmpty(paused);
        Assert.All(paused, c => Assert.Equal("paused", c.Status));
        Assert.Contains(_sandbox.Requests, r => r.Path == "/campaigns" && r.Query.Contains("status=paused"));
    }

    [Fact]
    public void Name_filters_with_wildcards_and_ids_come_from_the_pipeline_by_property_name()
    {
        var byName = _session.Run("Get-SpCampaign -Name 'q4 founders*'").ThrowIfFailed();
        var campaign = (Campaign)Assert.Single(byName.Output).BaseObject;
        Assert.Equal("camp_xyz789", campaign.Id);

        var piped = _session.Run("[pscustomobject]@{ CampaignId = 'camp_xyz789' } | Get-SpCampaign").ThrowIfFailed();
        var single = (Campaign)Assert.Single(piped.Output).BaseObject;
        Assert.NotNull(single.Type);
        Assert.Contains(_sandbox.Requests, r => r.Path == "/campaigns/camp_xyz789");
    }

    [Fact]
    public void An_unknown_id_is_a_non_terminating_not_found_and_the_others_still_come()
    {
        var result = _session.Run("Get-SpCampaign -Id camp_nope, camp_xyz789");

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
        legacy.Run($"Connect-SpAccount -ApiKey '{_sandbox.ApiKey}' -BaseUri '{_sandbox.LegacyBaseUri}'").ThrowIfFailed();
        var result = legacy.Run("Get-SpCampaign -PageSize 20").ThrowIfFailed();

        var campaigns = result.Output.Select(o => (Campaign)o.BaseObject).ToList();
        Assert.Equal(45, campaigns.Count);
        Assert.All(campaigns, c => Assert.Equal(c.Status, c.Status!.ToLowerInvariant()));
    }

    [Fact]
    public void Suspend_and_resume_through_the_pipeline()
    {
        var paused = _session.Run("Get-SpCampaign -Name 'Q4 Founders*' | Suspend-SpCampaign -Confirm:$false").ThrowIfFailed();
        var change = (CampaignStateChange)Assert.Single(paused.Output).BaseObject;
        Assert.Equal("paused", change.NewStatus);
        Assert.Equal("paused", ((Campaign)_session.Run("Get-SpCampaign camp_xyz789").Output.Single().BaseObject).Status);

        var resumed = _session.Run("Get-SpCampaign camp_xyz789 | Resume-SpCampaign -Confirm:$false").ThrowIfFailed();
        Assert.Equal("started", ((CampaignStateChange)resumed.Output.Single().BaseObject).NewStatus);
    }

    [Fact]
    public void Resuming_a_running_campaign_is_a_clear_invalid_state_error()
    {
        var result = _session.Run("Resume-SpCampaign -CampaignId camp_xyz789 -Confirm:$false");

        var error = Assert.Single(result.Errors);
        Assert.Equal("SendPilot.InvalidCampaignState", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("camp_xyz789", error.TargetObject);
        Assert.Contains("paused", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        var result = _session.Run("Suspend-SpCampaign -CampaignId camp_xyz789 -WhatIf").ThrowIfFailed();
        Assert.Empty(result.Output);
        Assert.Equal(0, _sandbox.CountRequests("PATCH", "/campaigns/*"));
    }
}
