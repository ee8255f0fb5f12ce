using System.Collections;
using System.Management.Automation;
using System.Net;
using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests.Workspaces;

/// <summary>
/// Requests through a loopback proxy that counts what passed through it. The proxy variables are
/// process-wide, so these run alone.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public class ProxyTests : IClassFixture<SandboxFixture>, IDisposable
{
    private static readonly string[] ProxyVariables = { "HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY", "https_proxy", "http_proxy", "all_proxy", "no_proxy" };
    private readonly SandboxServer _sandbox;
    private readonly Dictionary<string, string?> _saved = ProxyVariables.ToDictionary(v => v, Environment.GetEnvironmentVariable);

    public ProxyTests(SandboxFixture fixture)
    {
        _sandbox = fixture.Server;
        _sandbox.Reset();
        foreach (string name in ProxyVariables) Environment.SetEnvironmentVariable(name, null);
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
    }

    private PsResult ConnectAndRead(PsSession session, string proxyArguments = "") =>
        session.Run($"Connect-SpAccount -ApiKey $key -BaseUri '{_sandbox.BaseUri}' -Quiet {proxyArguments}; Get-SpCampaign -Status paused | Out-Null; (Get-SpContext).Proxy",
            new Hashtable { ["key"] = _sandbox.ApiKey });

    private List<string> SandboxRequests() => _sandbox.Requests.Select(r => $"{r.Method} {r.RawPath}").ToList();

    [Fact]
    public void With_Proxy_every_request_goes_through_the_proxy()
    {
        using var proxy = new LoopbackProxy();
        using var session = new PsSession();
        var result = ConnectAndRead(session, $"-Proxy '{proxy.Uri}'").ThrowIfFailed();

        Assert.NotEmpty(SandboxRequests());
        Assert.Equal(SandboxRequests(), proxy.Passed.Select(p => p.Replace(_sandbox.RootUri.GetLeftPart(UriPartial.Authority), "").Split('?')[0]));
        Assert.Equal(proxy.Uri.GetLeftPart(UriPartial.Authority), result.Output.Single().BaseObject);
    }

    [Fact]
    public void HTTP_PROXY_is_honoured_and_NO_PROXY_covering_the_host_sends_nothing_through_it()
    {
        using var proxy = new LoopbackProxy();
        Environment.SetEnvironmentVariable("HTTP_PROXY", proxy.Uri.ToString());
        using (var session = new PsSession()) ConnectAndRead(session).ThrowIfFailed();
        int proxied = proxy.Passed.Count;
        Assert.True(proxied > 0);
        Assert.Equal(SandboxRequests().Count, proxied);

        _sandbox.ClearRequests();
        Environment.SetEnvironmentVariable("NO_PROXY", "example.com,127.0.0.1");
        using (var session = new PsSession())
        {
            var result = ConnectAndRead(session).ThrowIfFailed();
            Assert.Equal("none (NO_PROXY)", result.Output.Single().BaseObject);
        }
        Assert.NotEmpty(SandboxRequests());
        Assert.Equal(proxied, proxy.Passed.Count);
    }

    [Fact]
    public void An_explicit_Proxy_wins_over_the_environment()
    {
        using var fromEnvironment = new LoopbackProxy();
        using var given = new LoopbackProxy();
        Environment.SetEnvironmentVariable("HTTP_PROXY", fromEnvironment.Uri.ToString());
        using var session = new PsSession();
        ConnectAndRead(session, $"-Proxy '{given.Uri}'").ThrowIfFailed();

        Assert.Empty(fromEnvironment.Passed);
        Assert.Equal(SandboxRequests().Count, given.Passed.Count);
    }

    [Fact]
    public void A_407_is_a_clear_authentication_error_and_ProxyCredential_gets_through()
    {
        var credential = new NetworkCredential("proxyuser", "proxy-pass-1");
        using var proxy = new LoopbackProxy(credential);
        using var session = new PsSession();
        var refused = session.Terminates($"Connect-SpAccount -ApiKey $key -BaseUri '{_sandbox.BaseUri}' -Proxy '{proxy.Uri}'",
            new Hashtable { ["key"] = _sandbox.ApiKey });

        Assert.Equal("SendPilot.ProxyAuthenticationRequired", refused.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.AuthenticationError, refused.CategoryInfo.Category);
        Assert.Contains("407 Proxy Authentication Required", refused.Exception.Message);
        Assert.Contains("-ProxyCredential", refused.ErrorDetails.RecommendedAction);
        Assert.Single(proxy.Refused);
        Assert.Empty(SandboxRequests());

        session.SetVariable("proxyCredential", new PSCredential(credential.UserName, new NetworkCredential("", credential.Password).SecurePassword));
        ConnectAndRead(session, $"-Proxy '{proxy.Uri}' -ProxyCredential $proxyCredential").ThrowIfFailed();
        Assert.Equal(SandboxRequests().Count, proxy.Passed.Count);
        Assert.DoesNotContain(credential.Password, session.Run("Get-SpContext | ForEach-Object { $_.PSObject.Properties.Value -join ' ' }").ThrowIfFailed().Output.Single().ToString());
    }

    [Fact]
    public void A_407_to_a_CONNECT_tunnel_is_the_same_clear_error_and_is_not_retried()
    {
        using var proxy = new LoopbackProxy(new NetworkCredential("u", "p"));
        using var session = new PsSession();
        var refused = session.Terminates($"Connect-SpAccount -ApiKey 'sp_test_tunnel_000000000000000001' -BaseUri 'https://api.example.test/v1' -Proxy '{proxy.Uri}'");

        Assert.Equal("SendPilot.ProxyAuthenticationRequired", refused.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("CONNECT api.example.test:443", Assert.Single(proxy.Refused));
    }

    [Theory]
    [InlineData("*", false)]
    [InlineData("127.0.0.1:{port}", false)]
    [InlineData("[127.0.0.1]", false)]
    [InlineData("127.0.0.1:1", true)]
    [InlineData(".example.com, localhost", true)]
    public void NO_PROXY_entries_cover_hosts_and_ports_as_curl_reads_them(string noProxy, bool proxied)
    {
        using var proxy = new LoopbackProxy();
        Environment.SetEnvironmentVariable("HTTP_PROXY", proxy.Uri.ToString());
        Environment.SetEnvironmentVariable("NO_PROXY", noProxy.Replace("{port}", _sandbox.BaseUri.Port.ToString()));
        using var session = new PsSession();
        ConnectAndRead(session).ThrowIfFailed();

        Assert.NotEmpty(SandboxRequests());
        Assert.Equal(proxied ? SandboxRequests().Count : 0, proxy.Passed.Count);
    }
}
