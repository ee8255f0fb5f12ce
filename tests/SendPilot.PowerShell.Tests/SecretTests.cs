using System.Collections;
using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests;

public class SecretTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxServer _sandbox;

    public SecretTests(SandboxFixture fixture)
    {
        _sandbox = fixture.Server;
        _sandbox.Reset();
    }

    [Fact]
    public void The_key_never_appears_in_any_stream_with_verbose_and_debug()
    {
        using var session = new PsSession();
        _sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/campaigns", Status = 500, Count = 1 });
        _sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/campaigns/*", Status = 400, Message = "bad key " + _sandbox.ApiKey });
        var script = $@"
            $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
            Connect-SpAccount -ApiKey $key -BaseUri '{_sandbox.BaseUri}' -PassThru -Verbose -Debug
            Get-SpContext
            @(Get-SpCampaign -Verbose -Debug)[0]
            Get-SpCampaign -Id camp_xyz789 -Verbose -Debug
            Invoke-SpApi GET /me -Verbose -Debug
            Invoke-SpApi GET /nothing-here -Verbose -Debug
            Connect-SpAccount -ApiKey 'sp_live_wrong_key_0000' -BaseUri '{_sandbox.BaseUri}' -Verbose -Debug";
        var result = session.Run(script, new Hashtable { ["key"] = _sandbox.ApiKey });

        Assert.NotEmpty(result.Verbose);
        Assert.NotEmpty(result.Debug);
        Assert.Contains(result.Debug, d => d.Contains("X-API-Key: ***"));
        Assert.NotEmpty(result.Errors);
        string everything = result.AllText();
        Assert.DoesNotContain(_sandbox.ApiKey, everything);
    }
}
