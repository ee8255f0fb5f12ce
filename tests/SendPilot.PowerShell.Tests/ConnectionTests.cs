using System.Collections;
using System.Management.Automation;
using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests;

public class ConnectionTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxServer _sandbox;

    public ConnectionTests(SandboxFixture fixture)
    {
        _sandbox = fixture.Server;
        _sandbox.Reset();
    }

    [Fact]
    public void Connect_checks_the_key_with_me_and_the_context_shows_only_the_last_four_characters()
    {
        using var session = new PsSession();
        var result = session.Run($"Connect-SpAccount -ApiKey $key -BaseUri '{_sandbox.BaseUri}' -PassThru; Get-SpContext",
            new Hashtable { ["key"] = _sandbox.ApiKey }).ThrowIfFailed();

        Assert.Equal(2, result.Output.Count);
        var context = result.Output[1];
        Assert.Equal("…" + _sandbox.ApiKey[^4..], context.P("ApiKey"));
        Assert.Equal("ws_sandbox", context.P("WorkspaceId"));
        Assert.Equal("Connect-SpAccount", context.P("KeySource"));
        Assert.NotEmpty((IEnumerable<string>)context.P("Scopes")!);
        Assert.Equal(1, _sandbox.CountRequests("GET", "/me"));
    }

    [Fact]
    public void A_plain_string_key_works_and_a_secure_string_too()
    {
        using var session = new PsSession();
        session.Run($"Connect-SpAccount -ApiKey '{_sandbox.ApiKey}' -BaseUri '{_sandbox.BaseUri}'").ThrowIfFailed();
        var secure = new System.Security.SecureString();
        foreach (char c in _sandbox.ApiKey) secure.AppendChar(c);
        session.Run($"Connect-SpAccount -ApiKey $secure -BaseUri '{_sandbox.BaseUri}'", new Hashtable { ["secure"] = secure }).ThrowIfFailed();
        Assert.Equal(2, _sandbox.CountRequests("GET", "/me"));
    }

    [Fact]
    public void Connect_falls_back_to_a_one_campaign_list_when_me_is_missing()
    {
        _sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/me", Status = 404, Message = "Cannot GET /v1/me" });
        using var session = new PsSession();
        var result = session.Run($"Connect-SpAccount -ApiKey $key -BaseUri '{_sandbox.BaseUri}' -PassThru",
            new Hashtable { ["key"] = _sandbox.ApiKey }).ThrowIfFailed();

        Assert.Null(result.Output.Single().P("WorkspaceId"));
        var check = _sandbox.Requests.Single(r => r.Path == "/campaigns");
        Assert.Contains("limit=1", check.Query);
    }

    [Fact]
    public void A_wrong_key_is_a_terminating_authentication_error_and_leaves_the_session_unconnected()
    {
        using var session = new PsSession();
        var error = session.Terminates($"Connect-SpAccount -ApiKey 'sp_live_wrong_key_9999' -BaseUri '{_sandbox.BaseUri}'");

        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Equal("SendPilot.AuthenticationFailed", error.FullyQualifiedErrorId.Split(',')[0]);
        var context = session.Run("Get-SpContext");
        Assert.Empty(context.Output);
    }

    [Fact]
    public void Forbidden_scope_maps_to_permission_denied_with_the_api_message()
    {
        using var session = new PsSession();
        session.Run($"Connect-SpAccount -ApiKey $key -BaseUri '{_sandbox.BaseUri}'", new Hashtable { ["key"] = new SandboxOptions().ReadOnlyApiKey }).ThrowIfFailed();
        var result = session.Run("Suspend-SpCampaign -CampaignId camp_xyz789 -Confirm:$false");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("lacks", error.Exception.Message);
        Assert.Contains("\"statusCode\":403", error.ErrorDetails.Message);
    }

    [Fact]
    public void A_plain_http_base_uri_is_refused_unless_it_is_loopback()
    {
        using var session = new PsSession();
        var error = session.Terminates("Connect-SpAccount -ApiKey 'sp_live_abc' -BaseUri 'http://api.example.com/v1'");

        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("https://", error.Exception.Message);
        Assert.Equal(0, _sandbox.CountRequests("GET", "*"));
    }

    [Fact]
    public void Disconnect_forgets_the_connection()
    {
        using var session = PsSession.ConnectedTo(_sandbox);
        session.Run("Disconnect-SpAccount").ThrowIfFailed();
        var result = session.Run("Get-SpContext");
        Assert.Empty(result.Output);
        Assert.Contains(result.Warnings, w => w.Contains("Not connected"));
    }

    [Fact]
    public void Requests_carry_the_module_user_agent()
    {
        using var session = PsSession.ConnectedTo(_sandbox);
        var agent = _sandbox.Requests.Last().UserAgent;
        Assert.Matches(@"^SendPilot\.PowerShell/\d+\.\d+\.\d+ PowerShell/7\.", agent);
    }

    [Fact]
    public void Connect_writes_one_line_naming_the_workspace_the_key_hint_and_the_base_uri()
    {
        using var session = new PsSession();
        var result = session.Run($"Connect-SpAccount -ApiKey $key -BaseUri '{_sandbox.BaseUri}' -InformationVariable said; $said | ForEach-Object {{ \"$_\" }}",
            new Hashtable { ["key"] = _sandbox.ApiKey }).ThrowIfFailed();

        string line = Assert.Single(result.Output).ToString();
        Assert.Equal($"Connected to workspace SendPilot Sandbox (ws_sandbox) with key …{_sandbox.ApiKey[^4..]} at {_sandbox.BaseUri}.", line);
        Assert.DoesNotContain(_sandbox.ApiKey, result.AllText());
    }

    [Theory]
    [InlineData("-Quiet")]
    [InlineData("-PassThru | Out-Null")]
    public void Quiet_and_PassThru_write_no_confirmation(string switches)
    {
        using var session = new PsSession();
        var result = session.Run($"Connect-SpAccount -ApiKey $key -BaseUri '{_sandbox.BaseUri}' -InformationVariable said {switches}; $said.Count",
            new Hashtable { ["key"] = _sandbox.ApiKey }).ThrowIfFailed();
        Assert.Equal(0, result.Output.Single().BaseObject);
        Assert.Equal(1, _sandbox.CountRequests("GET", "/me"));
    }

    [Fact]
    public void NotDefault_leaves_the_session_default_as_it_was()
    {
        using var session = new PsSession();
        var result = session.Run($"$other = Connect-SpAccount -ApiKey $key -BaseUri '{_sandbox.BaseUri}' -PassThru -NotDefault; $other.WorkspaceId; Get-SpContext",
            new Hashtable { ["key"] = _sandbox.ApiKey });

        Assert.Equal("ws_sandbox", result.Output.Single().BaseObject);
        Assert.Contains(result.Warnings, w => w.Contains("Not connected"));
    }

    [Fact]
    public void A_connection_made_in_one_runspace_is_not_the_default_of_another()
    {
        using var first = PsSession.ConnectedTo(_sandbox);
        using var second = new PsSession();
        Assert.Single(first.Run("Get-SpContext").ThrowIfFailed().Output);
        Assert.Empty(second.Run("Get-SpContext -WarningAction SilentlyContinue").Output);
    }
}
