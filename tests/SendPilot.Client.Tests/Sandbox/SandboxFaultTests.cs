using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.Client.Tests.Sandbox;

public sealed class SandboxFaultTests(SandboxFixture fixture) : SandboxTestBase(fixture)
{
    [Fact]
    public async Task StatusRuleHitsExactlyCountRequests()
    {
        Server.InjectFault(new FaultRule { Method = "GET", Path = "/campaigns", Count = 2, Status = 429, RetryAfter = "3" });

        var first = await GetAsync("/campaigns");
        var second = await GetAsync("/campaigns");
        var third = await GetAsync("/campaigns");

        await AssertErrorAsync(first, 429, "Too many requests, please retry later");
        Assert.Equal(TimeSpan.FromSeconds(3), first.Headers.RetryAfter?.Delta);
        Assert.Equal(429, (int)second.StatusCode);
        Assert.Equal(200, (int)third.StatusCode);
        Assert.Equal(2, Server.Requests.Count(r => r.Fault is not null));
    }

    [Fact]
    public async Task DropAbortsTheConnection()
    {
        Server.InjectFault(new FaultRule { Path = "/me", Drop = true });

        await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync("/me"));
        Assert.Equal(200, (int)(await GetAsync("/me")).StatusCode);
    }

    [Fact]
    public async Task ProcessFirstChangesStateButHidesTheAnswer()
    {
        Server.InjectFault(new FaultRule { Method = "POST", Path = "/inbox/send*", Status = 503, ProcessFirst = true });

        var response = await PostAsync("/inbox/send", new { senderId = "sender_ann", recipientLinkedinUrl = "https://www.linkedin.com/in/kim", message = "Hi" });

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Single(Server.State.Inbox.SentMessages);
        Assert.Equal(1, Server.State.Senders.UsageOf("sender_ann").MessagesUsed);
    }
}
