using System.Management.Automation;
using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests;

/// <summary>
/// Never twice: under every fault that leaves delivery unknown, each item costs exactly one request
/// (the sandbox's request log) and fails with SendPilot.DeliveryUnknown; the next item still goes.
/// </summary>
public class OutreachDeliveryTests : IClassFixture<SandboxFixture>, IDisposable
{
    private const int TimeoutSec = 2;
    private readonly SandboxServer _sandbox;
    private readonly PsSession _session;
    private PsSession? _shortTimeout;

    public OutreachDeliveryTests(SandboxFixture fixture)
    {
        _sandbox = fixture.Server;
        _sandbox.Reset();
        _session = PsSession.ConnectedTo(_sandbox, "-MaximumRetryCount 3");
        _sandbox.ClearRequests();
    }

    public void Dispose()
    {
        _session.Dispose();
        _shortTimeout?.Dispose();
    }

    /// <summary>The session for a fault: a short -TimeoutSec only where the fault is a delay beyond it.</summary>
    private PsSession SessionFor(string kind)
    {
        if (kind != "timeout") return _session;
        _shortTimeout = PsSession.ConnectedTo(_sandbox, $"-TimeoutSec {TimeoutSec} -MaximumRetryCount 3");
        _sandbox.ClearRequests();
        return _shortTimeout;
    }

    private static FaultRule Fault(string kind, string path) => kind switch
    {
        "500" => new FaultRule { Method = "POST", Path = path, Status = 500, Message = "Internal server error" },
        "timeout" => new FaultRule { Method = "POST", Path = path, DelayMs = TimeoutSec * 3000, Count = 1 },
        "drop" => new FaultRule { Method = "POST", Path = path, Drop = true, ProcessFirst = true },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string Command(string action, string slug) => action == "send"
        ? $"[pscustomobject]@{{ linkedinUrl = 'https://www.linkedin.com/in/{slug}'; firstName = 'Pat' }} | Send-SpMessage -Message 'Hi {{{{firstName}}}}' -SenderId sender_ann"
        : $"[pscustomobject]@{{ linkedinUrl = 'https://www.linkedin.com/in/stranger-{slug}'; firstName = 'Pat' }} | Request-SpConnection -Message 'Hi {{{{firstName}}}}' -SenderId sender_ann";

    [Theory]
    [InlineData("send", "500")]
    [InlineData("send", "timeout")]
    [InlineData("send", "drop")]
    [InlineData("connect", "500")]
    [InlineData("connect", "timeout")]
    [InlineData("connect", "drop")]
    public void A_fault_after_the_request_left_means_one_request_and_delivery_unknown(string action, string kind)
    {
        string path = action == "send" ? "/inbox/send" : "/inbox/connect";
        var session = SessionFor(kind);
        _sandbox.InjectFault(Fault(kind, path));

        var result = session.Run(Command(action, "faulted") + "\n" + Command(action, "fine"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("SendPilot.DeliveryUnknown", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("may have been delivered", error.ErrorDetails.Message);
        Assert.Contains("from sender_ann", error.ErrorDetails.Message);
        Assert.Contains("It was not sent again", error.ErrorDetails.Message);
        Assert.Contains("Get-SpConversation -SenderId sender_ann", error.ErrorDetails.Message);
        Assert.Contains("faulted", ((PSObject)error.TargetObject).P("linkedinUrl")!.ToString());
        Assert.Single(result.Output);
        // The sandbox logs a request abandoned during its delay only when it notices the abort: wait
        // for that entry. The command has ended, so no later request can come to raise the count.
        int Faulted() => _sandbox.Requests.Count(r => r.Method == "POST" && r.Path == path && r.Body!.Contains("faulted"));
        SpinWait.SpinUntil(() => Faulted() >= 1, TimeSpan.FromSeconds(5));
        Assert.Equal(1, Faulted());
        Assert.Equal(2, _sandbox.CountRequests("POST", path));

        // The dropped request was processed: it really went out — once.
        int delivered = action == "send"
            ? _sandbox.State.Inbox.SentMessages.Count(m => m.Text == "Hi Pat")
            : _sandbox.State.Inbox.ConnectionRequests.Count;
        Assert.Equal(kind == "drop" ? 2 : 1, delivered);
    }

    [Fact]
    public void A_message_timeout_error_names_the_timeout_and_its_category()
    {
        var session = SessionFor("timeout");
        _sandbox.InjectFault(Fault("timeout", "/inbox/send"));
        var error = Assert.Single(session.Run(Command("send", "slow")).Errors);

        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Contains("timed out", error.ErrorDetails.Message);
        Assert.Contains("Where-Object ParticipantLinkedinUrl -like '*slow*'", error.ErrorDetails.Message);
    }

    [Theory]
    [InlineData("send")]
    [InlineData("connect")]
    public void A_rate_limit_429_with_retry_after_is_retried_once_and_sent(string action)
    {
        string path = action == "send" ? "/inbox/send" : "/inbox/connect";
        _sandbox.InjectFault(new FaultRule { Method = "POST", Path = path, Status = 429, RetryAfter = "1", Message = "Too many requests" });

        var result = _session.Run(Command(action, "limited") + " -Verbose").ThrowIfFailed();

        Assert.Single(result.Output);
        Assert.Equal(2, _sandbox.CountRequests("POST", path));
        Assert.Contains(result.Verbose, v => v.StartsWith($"Retrying POST {path} in 1.0 s"));
        int delivered = action == "send" ? _sandbox.State.Inbox.SentMessages.Count : _sandbox.State.Inbox.ConnectionRequests.Count;
        Assert.Equal(1, delivered);
    }

    [Fact]
    public void A_rate_limit_429_without_retry_after_fails_the_item_after_one_request()
    {
        _sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/inbox/send", Status = 429, Message = "Too many requests" });

        var result = _session.Run(Command("send", "limited"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("SendPilot.RateLimited", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(1, _sandbox.CountRequests("POST", "/inbox/send"));
        Assert.Empty(_sandbox.State.Inbox.SentMessages);
    }

    [Fact]
    public void A_key_without_write_scope_ends_the_command_at_the_first_item()
    {
        using var readOnly = new PsSession();
        readOnly.Run($"Connect-SpAccount -ApiKey 'sp_test_readonly_000000000000002' -BaseUri '{_sandbox.BaseUri}'").ThrowIfFailed();
        _sandbox.ClearRequests();

        var error = readOnly.Terminates("""
            1..3 | ForEach-Object { [pscustomobject]@{ linkedinUrl = "https://www.linkedin.com/in/p-$_" } } | Send-SpMessage -Message 'Hi' -SenderId sender_ann
            """);

        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Equal(1, _sandbox.CountRequests("POST", "/inbox/send"));
    }
}
