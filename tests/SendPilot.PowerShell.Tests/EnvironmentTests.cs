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
}
