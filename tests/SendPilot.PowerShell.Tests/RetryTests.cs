using System.Diagnostics;
using System.Management.Automation;
using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests;

public class RetryTests : SandboxSessionTest
{
    public RetryTests(SandboxFixture fixture) : base(fixture, "-MaximumRetryCount 2") { }

    [Fact]
    public void A_429_with_retry_after_is_waited_out_then_succeeds()
    {
        Sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/campaigns", Status = 429, RetryAfter = "1" });
        var result = Session.Run("Get-SpCampaign -Verbose").ThrowIfFailed();

        Assert.Equal(45, result.Output.Count);
        Assert.Equal(2, Sandbox.CountRequests("GET", "/campaigns"));
        var campaigns = Sandbox.Requests.Where(r => r.Path == "/campaigns").ToList();
        var (refused, retried) = (campaigns[0], campaigns[1]);
        Assert.Equal(429, refused.Status);
        Assert.True(retried.Time - refused.Time >= TimeSpan.FromSeconds(0.9), $"retried {retried.Time - refused.Time} after the 429, before its Retry-After");
        Assert.Contains(result.Verbose, v => v.StartsWith("Retrying GET /campaigns in 1.0 s"));
        Assert.Contains(result.Verbose, v => v.Contains("/v1/campaigns") && v.Contains("→ 429 in"));
    }

    [Fact]
    public void Two_500s_then_success()
    {
        Sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/campaigns", Status = 500, Count = 2 });
        var result = Session.Run("Get-SpCampaign").ThrowIfFailed();

        Assert.Equal(45, result.Output.Count);
        Assert.Equal(3, Sandbox.CountRequests("GET", "/campaigns"));
    }

    [Fact]
    public void Retries_exhausted_is_one_clear_terminating_error()
    {
        Sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/campaigns", Status = 503, Count = 0, Message = "Service Unavailable" });
        var error = Session.Terminates("Get-SpCampaign");

        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Equal("SendPilot.ServerError", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("503", error.Exception.Message);
        Assert.Equal(3, Sandbox.CountRequests("GET", "/campaigns"));
    }

    [Fact]
    public void A_400_is_never_retried()
    {
        Sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/campaigns", Status = 400, Message = "Validation failed" });
        var error = Session.Terminates("Get-SpCampaign");

        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(1, Sandbox.CountRequests("GET", "/campaigns"));
    }

    [Fact]
    public void Ctrl_C_ends_a_slow_request()
    {
        Sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/campaigns", DelayMs = 120_000 });
        var (shell, pending) = Session.Start("Get-SpCampaign");
        using (shell)
        {
            Assert.True(Sandbox.WaitForFaults(), "the request never reached the sandbox");
            shell.Stop();
            // Ended while the sandbox still holds the request: nothing waited for its answer.
            Assert.True(pending.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60)));
            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            Assert.Equal(0, Sandbox.Requests.Count(r => r.Path == "/campaigns" && r.Status == 200));
        }
    }
}
