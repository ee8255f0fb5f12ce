using System.Collections;
using System.Runtime.InteropServices;
using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests.Workspaces;

/// <summary>Saved profiles in a temporary $env:SENDPILOT_CONFIG_PATH; environment variables are process-wide, so these run alone.</summary>
[Collection(nameof(ProcessEnvironment))]
public class ProfileTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxServer _sandbox;
    private readonly string _config = Path.Combine(Path.GetTempPath(), "sendpilot-profiles-" + Guid.NewGuid().ToString("N"));

    public ProfileTests(SandboxFixture fixture)
    {
        _sandbox = fixture.Server;
        _sandbox.Reset();
        Environment.SetEnvironmentVariable("SENDPILOT_CONFIG_PATH", _config);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("SENDPILOT_CONFIG_PATH", null);
        Environment.SetEnvironmentVariable("SENDPILOT_PROFILE", null);
        if (Directory.Exists(_config)) Directory.Delete(_config, recursive: true);
    }

    private string ProfileFile(string name) => Path.Combine(_config, "profiles", name + ".json");

    private void Save(string name, string extra = "")
    {
        using var session = new PsSession();
        session.Run($"Connect-SpAccount -ApiKey $key -BaseUri '{_sandbox.BaseUri}' -TimeoutSec 42 -MaximumRetryCount 1 -Save -ProfileName {name} -Quiet {extra}",
            new Hashtable { ["key"] = _sandbox.ApiKey }).ThrowIfFailed();
    }

    [Fact]
    public void The_profile_file_is_the_users_alone_and_holds_the_key_in_plain_text_nowhere_DPAPI_applies()
    {
        Save("acme");

        byte[] bytes = File.ReadAllBytes(ProfileFile("acme"));
        string text = System.Text.Encoding.UTF8.GetString(bytes);
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            Assert.DoesNotContain(_sandbox.ApiKey, text);
            Assert.Contains("\"keyProtection\": \"DPAPI\"", text);
        }
        else
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ProfileFile("acme")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_config, "profiles")));
            Assert.Contains("\"keyProtection\": \"UserOnlyFile\"", text);
        }
        Assert.Contains("\"workspaceId\": \"ws_sandbox\"", text);
        Assert.Contains("\"timeoutSec\": 42", text);
        Assert.Empty(Directory.GetFiles(Path.Combine(_config, "profiles"), "*.tmp-*"));
    }

    [Fact]
    public void Get_SpProfile_shows_the_profile_with_only_the_key_hint()
    {
        Save("acme");
        Save("beta");
        using var session = new PsSession();
        var result = session.Run("Get-SpProfile; Get-SpProfile -ProfileName 'ac*'; Get-SpProfile -ProfileName nope -ErrorAction SilentlyContinue -ErrorVariable missing; $missing[0].FullyQualifiedErrorId; $missing[0].Exception.Message").ThrowIfFailed();

        var names = result.Output.Where(o => o.BaseObject.GetType().Name == "SpProfile").Select(o => o.P("Name")).ToList();
        Assert.Equal(new object[] { "acme", "beta", "acme" }, names);
        var acme = result.Output[0];
        Assert.Equal("…" + _sandbox.ApiKey[^4..], acme.P("ApiKey"));
        Assert.Equal("ws_sandbox", acme.P("WorkspaceId"));
        Assert.Equal(42, acme.P("TimeoutSec"));
        Assert.Equal("SendPilot.ProfileNotFound", result.Output[^2].ToString().Split(',')[0]);
        Assert.Contains("Connect-SpAccount -ApiKey <key> -Save -ProfileName nope", result.Output[^1].ToString());
        Assert.DoesNotContain(_sandbox.ApiKey, result.AllText());
    }

    [Fact]
    public void Connect_with_ProfileName_restores_the_saved_settings_in_a_new_session_and_checks_the_key()
    {
        Save("acme");
        _sandbox.ClearRequests();
        using var session = new PsSession();
        var context = session.Run("Connect-SpAccount -ProfileName acme -PassThru").ThrowIfFailed().Output.Single();

        Assert.Equal("ws_sandbox", context.P("WorkspaceId"));
        Assert.Equal("profile acme", context.P("KeySource"));
        Assert.Equal("acme", context.P("ProfileName"));
        Assert.Equal(42, context.P("TimeoutSec"));
        Assert.Equal(1, context.P("MaximumRetryCount"));
        Assert.Equal(1, _sandbox.CountRequests("GET", "/me"));
    }

    [Fact]
    public void SENDPILOT_PROFILE_lets_every_cmdlet_work_without_Connect()
    {
        Save("acme");
        _sandbox.ClearRequests();
        Environment.SetEnvironmentVariable("SENDPILOT_PROFILE", "acme");
        using var session = new PsSession();
        var result = session.Run("@(Get-SpCampaign).Count; (Get-SpContext).KeySource").ThrowIfFailed();

        Assert.True((int)result.Output[0].BaseObject > 0);
        Assert.Equal("SENDPILOT_PROFILE (acme)", result.Output[1].BaseObject);
        Assert.Equal(0, _sandbox.CountRequests("GET", "/me"));
        Assert.True(_sandbox.CountRequests("GET", "/campaigns") > 0);
    }

    [Fact]
    public void An_unknown_profile_is_a_clear_error_that_says_how_to_save_one()
    {
        Environment.SetEnvironmentVariable("SENDPILOT_PROFILE", "nowhere");
        using var session = new PsSession();
        var fromEnvironment = session.Terminates("Get-SpCampaign");
        var fromParameter = session.Terminates("Connect-SpAccount -ProfileName elsewhere");

        Assert.Equal("SendPilot.ProfileNotFound", fromEnvironment.FullyQualifiedErrorId.Split(',')[0]);
        Assert.StartsWith("$env:SENDPILOT_PROFILE names the SendPilot profile 'nowhere'", fromEnvironment.Exception.Message);
        Assert.StartsWith("-ProfileName names the SendPilot profile 'elsewhere'", fromParameter.Exception.Message);
        Assert.Equal(0, _sandbox.CountRequests("GET", "*"));
    }

    [Fact]
    public void Remove_SpProfile_deletes_the_file_and_honours_WhatIf()
    {
        Save("acme");
        Save("beta");
        using var session = new PsSession();
        session.Run("Get-SpProfile | Remove-SpProfile -WhatIf").ThrowIfFailed();
        Assert.True(File.Exists(ProfileFile("acme")) && File.Exists(ProfileFile("beta")));

        session.Run("Get-SpProfile acme | Remove-SpProfile -Confirm:$false").ThrowIfFailed();
        Assert.False(File.Exists(ProfileFile("acme")));
        Assert.True(File.Exists(ProfileFile("beta")));
        var again = session.Run("Remove-SpProfile acme -Confirm:$false");
        Assert.Equal("SendPilot.ProfileNotFound", Assert.Single(again.Errors).FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void Save_without_a_name_and_a_name_with_other_settings_are_refused_before_any_request()
    {
        using var session = new PsSession();
        var noName = session.Terminates($"Connect-SpAccount -ApiKey 'sp_test_x_0000000000000000000000' -BaseUri '{_sandbox.BaseUri}' -Save");
        var both = session.Terminates($"Connect-SpAccount -ApiKey 'sp_test_x_0000000000000000000000' -BaseUri '{_sandbox.BaseUri}' -ProfileName acme");
        var badName = session.Terminates($"Connect-SpAccount -ApiKey 'sp_test_x_0000000000000000000000' -BaseUri '{_sandbox.BaseUri}' -Save -ProfileName '../escape'");

        Assert.Equal("SendPilot.ProfileNameRequired", noName.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("SendPilot.ProfileWithSettings", both.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("SendPilot.InvalidProfileName", badName.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(0, _sandbox.CountRequests("GET", "*"));
        Assert.False(Directory.Exists(Path.Combine(_config, "profiles")) && Directory.EnumerateFiles(Path.Combine(_config, "profiles")).Any());
    }

    [Fact]
    public void A_profile_saved_in_one_pwsh_process_is_used_from_another()
    {
        var environment = new Dictionary<string, string?> { ["SENDPILOT_CONFIG_PATH"] = _config, ["SP_KEY"] = _sandbox.ApiKey, ["SP_URI"] = _sandbox.BaseUri.ToString() };
        RealPwsh.Invoke("Connect-SpAccount -ApiKey $env:SP_KEY -BaseUri $env:SP_URI -Save -ProfileName crossproc -Quiet", environment).ThrowIfFailed();
        _sandbox.ClearRequests();

        environment.Remove("SP_KEY");
        environment["SENDPILOT_PROFILE"] = "crossproc";
        var used = RealPwsh.Invoke("(Get-SpCampaign | Measure-Object).Count; (Get-SpContext).KeySource", environment).ThrowIfFailed();
        Assert.True(int.Parse(used.Lines[0]) > 0, used.Output);
        Assert.Equal("SENDPILOT_PROFILE (crossproc)", used.Lines[1]);
        Assert.True(_sandbox.CountRequests("GET", "/campaigns") > 0);

        environment.Remove("SENDPILOT_PROFILE");
        var restored = RealPwsh.Invoke("Connect-SpAccount -ProfileName crossproc", environment).ThrowIfFailed();
        Assert.Equal($"Connected to workspace SendPilot Sandbox (ws_sandbox) with key …{_sandbox.ApiKey[^4..]} at {_sandbox.BaseUri} (profile crossproc).", restored.Lines.Single());
        Assert.DoesNotContain(_sandbox.ApiKey, restored.Output + used.Output);
    }
}
