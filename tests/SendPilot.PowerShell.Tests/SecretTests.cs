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

    [Fact]
    public void The_key_never_appears_while_uploading_reading_and_sending_with_faults()
    {
        using var session = new PsSession();
        _sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/leads", Status = 503, Count = 1, Message = "echo " + _sandbox.ApiKey });
        _sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/inbox/send*", Status = 500, Count = 1, Message = "echo " + _sandbox.ApiKey });
        _sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/inbox/connect", Status = 400, Count = 1, Message = "echo " + _sandbox.ApiKey });
        var script = $@"
            $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
            Connect-SpAccount -ApiKey $key -BaseUri '{_sandbox.BaseUri}' -MaximumRetryCount 1
            1..3 | ForEach-Object {{ [pscustomobject]@{{ linkedinUrl = ""https://www.linkedin.com/in/secret-$_"" }} }} | Add-SpLead -CampaignId camp_xyz789 -Verbose -Debug
            'not a url' | Add-SpLead -CampaignId camp_xyz789 -Verbose -Debug
            @(Get-SpLead -CampaignId camp_xyz789 -Verbose -Debug)[0]
            [pscustomobject]@{{ LeadId = 'lead_3' }} | Send-SpMessage -Message 'Hi {{{{firstName}}}}' -SenderId sender_ann -Verbose -Debug
            [pscustomobject]@{{ linkedinUrl = 'https://www.linkedin.com/in/stranger-x' }} | Request-SpConnection -SenderId sender_ann -Verbose -Debug
            Get-SpSender -Verbose -Debug; Get-SpSenderQuota -Verbose -Debug; Get-SpCredit -Verbose -Debug
            Get-SpConversation -SenderId sender_ann -First 1 -Verbose -Debug";
        var result = session.Run(script, new Hashtable { ["key"] = _sandbox.ApiKey });

        Assert.NotEmpty(result.Output);
        Assert.True(result.Errors.Count >= 3, "expected the injected failures as error records");
        Assert.Contains(result.Debug, d => d.Contains("X-API-Key: ***"));
        Assert.DoesNotContain(_sandbox.ApiKey, result.AllText());
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_one_clear_error_naming_the_location_and_the_key_stays_home()
    {
        await using var elsewhere = await SandboxServer.StartAsync(new SandboxOptions { Host = "127.0.0.2" });
        string location = new Uri(elsewhere.BaseUri, "v1/campaigns/camp_xyz789").AbsoluteUri;
        _sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/campaigns/*", Status = 302, Location = location, Count = 0 });
        _sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/inbox/send", Status = 307, Location = location, Count = 0 });
        using var session = PsSession.ConnectedTo(_sandbox);
        _sandbox.ClearRequests();

        var read = session.Terminates("Get-SpCampaign -Id camp_xyz789");
        var send = session.Run("[pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/redirected' } | Send-SpMessage -Message 'Hi' -SenderId sender_ann -Confirm:$false");

        Assert.Equal("SendPilot.RedirectRefused", read.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(System.Management.Automation.ErrorCategory.SecurityError, read.CategoryInfo.Category);
        Assert.Contains($"to {location}", read.Exception.Message);
        Assert.Contains("outside", read.Exception.Message);
        Assert.NotEmpty(send.Errors.Concat(send.TerminatingRecord == null ? [] : new[] { send.TerminatingRecord }));
        Assert.Empty(elsewhere.Requests);
        Assert.Equal(1, _sandbox.CountRequests("GET", "/campaigns/*"));
        Assert.True(_sandbox.CountRequests("POST", "/inbox/send") <= 1);
    }
}
