using System.Diagnostics;
using System.Management.Automation;
using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests;

public class RetryTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxServer _sandbox;
    private readonly PsSession _session;

    public RetryTests(SandboxFixture fixture)
    {
        _sandbox = fixture.Server;
        _sandbox.Reset();
        _session = PsSession.ConnectedTo(_sandbox, "-MaximumRetryCount 2");
        _sandbox.ClearRequests();
    }

    public void Dispose() => _session.Dispose();

    [Fact]
    public void A_429_with_retry_after_is_waited_out_then_succeeds()
    {
        _sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/campaigns", Status = 429, RetryAfter = "1" });
        var clock = Stopwatch.StartNew();
        var result = _session.Run("Get-SpCampaign -Verbose").ThrowIfFailed();

        Assert.Equal(45, result.Output.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}, before Retry-After");
        Assert.Equal(2, _sandbox.CountRequests("GET", "/campaigns"));
        Assert.Contains(result.Verbose, v => v.StartsWith("Retrying GET /campaigns in 1.0 s"));
        Assert.Contains(result.Verbose, v => v.Contains("/v1/campaigns") && v.Contains("→ 429 in"));
    }

    [Fact]
    public void Two_500s_then_success()
    {
        _sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/campaigns", Status = 500, Count = 2 });
        var result = _session.Run("Get-SpCampaign").ThrowIfFailed();

        Assert.Equal(45, result.Output.Count);
        Assert.Equal(3, _sandbox.CountRequests("GET", "/campaigns"));
    }

    [Fact]
    public void Retries_exhausted_is_one_clear_terminating_error()
    {
        _sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/campaigns", Status = 503, Count = 0, Message = "Service Unavailable" });
        var error = _session.Terminates("Get-SpCampaign");

        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Equal("SendPilot.ServerError", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("503", error.Exception.Message);
        Assert.Equal(3, _sandbox.CountRequests("GET", "/campaigns"));
    }

    [Fact]
    public void A_400_is_never_retried()
    {
        _sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/campaigns", Status = 400, Message = "Validation failed" });
        var error = _session.Terminates("Get-SpCampaign");

        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(1, _sandbox.CountRequests("GET", "/campaigns"));
    }

    [Fact]
    public void Ctrl_C_ends_a_slow_request_within_a_second()
    {
        _sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/campaigns", DelayMs = 30_000 });
        var (shell, pending) = _session.Start("Get-SpCampaign");
        using (shell)
        {
            Thread.Sleep(500);
            var clock = Stopwatch.StartNew();
            shell.Stop();
            Assert.True(pending.IsCompleted || pending.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(1)));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"stopping took {clock.Elapsed}");
            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        }
    }
}
