using System.Management.Automation;
using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests;

/// <summary>A long Retry-After or backoff wait shows as progress (the console must not seem to hang) and still ends at Ctrl+C.</summary>
public class RetryProgressTests : SandboxSessionTest
{
    private const string Waiting = "Waiting 3 s: SendPilot asked to slow down (retry 1 of 4)";

    public RetryProgressTests(SandboxFixture fixture) : base(fixture) { }

    [Fact]
    public void A_Retry_After_longer_than_2_s_shows_progress_then_clears_it()
    {
        Sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/campaigns", Status = 429, RetryAfter = "3" });
        var result = Session.Run("Get-SpCampaign -First 1").ThrowIfFailed();

        Assert.Single(result.Output);
        int shown = result.Progress.FindIndex(p => p.Activity == Waiting && p.RecordType == ProgressRecordType.Processing);
        Assert.True(shown >= 0, "no progress while waiting: " + string.Join(" | ", result.Progress.Select(p => p.Activity)));
        int cleared = result.Progress.FindIndex(shown + 1, p => p.ActivityId == result.Progress[shown].ActivityId);
        Assert.True(cleared > shown, "the wait's progress was never cleared");
        Assert.Equal(ProgressRecordType.Completed, result.Progress[cleared].RecordType);
        Assert.Equal(2, Sandbox.CountRequests("GET", "/campaigns"));
    }

    [Fact]
    public void A_short_wait_shows_no_progress()
    {
        Sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/campaigns", Status = 429, RetryAfter = "1" });
        var result = Session.Run("Get-SpCampaign -First 1").ThrowIfFailed();

        Assert.Single(result.Output);
        Assert.DoesNotContain(result.Progress, p => p.Activity.StartsWith("Waiting"));
    }

    [Fact]
    public void Ctrl_C_ends_a_long_wait_at_once()
    {
        Sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/campaigns", Status = 429, RetryAfter = "50" });
        var (shell, pending) = Session.Start("Get-SpCampaign");
        using (shell)
        {
            bool waiting = SpinWait.SpinUntil(() => shell.Streams.Progress.ToList().Any(p => p.Activity.StartsWith("Waiting 50 s: SendPilot asked to slow down")),
                TimeSpan.FromSeconds(40));
            Assert.True(waiting, "the 50 s wait never showed as progress");
            shell.Stop();
            Assert.True(pending.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(45)), "the wait did not end at Ctrl+C");
            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            Assert.Equal(1, Sandbox.CountRequests("GET", "/campaigns"));
        }
    }
}
