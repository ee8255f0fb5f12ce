using System.Management.Automation;
using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests;

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public class ProcessEnvironment { }

/// <summary>Environment variables are process-wide, so these run alone.</summary>
[Collection(nameof(ProcessEnvironment))]
public class EnvironmentTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxServer _sandbox;

    public EnvironmentTests(SandboxFixture fixture)
    {
        _sandbox = fixture.Server;
        _sandbox.Reset();
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("SENDPILOT_API_KEY", null);
        Environment.SetEnvironmentVariable("SENDPILOT_BASE_URI", null);
    }

    [Fact]
    public void Without_connect_the_environment_key_and_base_uri_are_used()
    {
        Environment.SetEnvironmentVariable("SENDPILOT_API_KEY", _sandbox.ApiKey);
        Environment.SetEnvironmentVariable("SENDPILOT_BASE_URI", _sandbox.BaseUri.ToString());
        using var session = new PsSession();
        var result = session.Run("Get-SpCampaign -Status paused; Get-SpContext").ThrowIfFailed();

        Assert.True(result.Output.Count > 1);
        Assert.Equal("SENDPILOT_API_KEY", result.Output.Last().P("KeySource"));
        Assert.Equal(0, _sandbox.CountRequests("GET", "/me"));
    }

    [Fact]
    public void No_key_anywhere_is_a_terminating_authentication_error_that_says_how_to_connect()
    {
        Environment.SetEnvironmentVariable("SENDPILOT_API_KEY", null);
        using var session = new PsSession();
        var error = session.Terminates("Get-SpCampaign");

        Assert.Equal("SendPilot.NoApiKey", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("Connect-SpAccount", error.Exception.Message);
        Assert.Contains("SENDPILOT_API_KEY", error.Exception.Message);
    }

    [Fact]
    public void Connect_without_a_key_asks_for_it_in_an_interactive_host_and_connects_with_what_was_typed()
    {
        var host = new CapturingHost(secureAnswer: _sandbox.ApiKey);
        using var session = new PsSession(host);
        var result = session.Run($"Connect-SpAccount -BaseUri '{_sandbox.BaseUri}' -PassThru").ThrowIfFailed();

        Assert.Contains("SendPilot API key", host.Text);
        Assert.DoesNotContain(_sandbox.ApiKey, host.Text);
        Assert.Equal("ws_sandbox", result.Output.Single().P("WorkspaceId"));
        Assert.Equal(1, _sandbox.CountRequests("GET", "/me"));
    }

    [Fact]
    public void Connect_without_a_key_in_a_host_that_cannot_prompt_keeps_the_clear_error()
    {
        using var session = new PsSession(new CapturingHost());
        var error = session.Terminates($"Connect-SpAccount -BaseUri '{_sandbox.BaseUri}'");

        Assert.Equal("SendPilot.NoApiKey", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("SENDPILOT_API_KEY", error.Exception.Message);
        Assert.Equal(0, _sandbox.CountRequests("GET", "*"));
    }

    [Fact]
    public void An_explicit_connection_wins_over_the_environment()
    {
        Environment.SetEnvironmentVariable("SENDPILOT_API_KEY", "sp_test_not_this_one_000000000009");
        Environment.SetEnvironmentVariable("SENDPILOT_BASE_URI", "http://127.0.0.1:9/v1");
        using var session = new PsSession();
        session.Run($"$c = Connect-SpAccount -ApiKey $key -BaseUri '{_sandbox.BaseUri}' -PassThru -NotDefault; Get-SpCampaign -Connection $c | Out-Null",
            new System.Collections.Hashtable { ["key"] = _sandbox.ApiKey }).ThrowIfFailed();
        Assert.Equal(1, _sandbox.CountRequests("GET", "/campaigns"));
        Assert.All(_sandbox.Requests, r => Assert.Equal(200, r.Status));
    }
}
