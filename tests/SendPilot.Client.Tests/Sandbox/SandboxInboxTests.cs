using Xunit;

namespace SendPilot.Client.Tests.Sandbox;

public sealed class SandboxInboxTests(SandboxFixture fixture) : SandboxTestBase(fixture)
{
    private static object Message(string senderId, string slug) =>
        new { senderId, recipientLinkedinUrl = $"https://www.linkedin.com/in/{slug}", message = "Hello" };

    [Fact]
    public async Task SmallSenderGets429AfterTwoMessages()
    {
        Assert.Equal(201, (int)(await PostAsync("/inbox/send", Message("sender_ben", "one"))).StatusCode);
        Assert.Equal(201, (int)(await PostAsync("/inbox/send", Message("sender_ben", "two"))).StatusCode);

        var third = await PostAsync("/inbox/send", Message("sender_ben", "three"));

        await AssertErrorAsync(third, 429, "Daily message limit exceeded");
        Assert.Null(third.Headers.RetryAfter);
        Assert.Equal(2, Server.State.Inbox.SentMessages.Count);
    }

    [Fact]
    public async Task StrangersCannotBeMessaged()
    {
        var response = await PostAsync("/inbox/send", Message("sender_ann", "stranger-zoe"));

        await AssertErrorAsync(response, 400, "Recipient is not a 1st-degree connection");
        Assert.Equal(0, Server.State.Senders.UsageOf("sender_ann").MessagesUsed);
    }

    [Fact]
    public async Task SendToLeadFillsTheTemplate()
    {
        var response = await PostAsync("/inbox/send/lead/lead_3", new { senderId = "sender_ann", message = "Hi {{firstName}} {{lastName}}" });

        Assert.Equal(201, (int)response.StatusCode);
        Assert.Equal("Hi Chloe Anders", Server.State.Inbox.SentMessages.Single().Text);
    }

    [Fact]
    public async Task ConversationsLimit50Is500()
    {
        await AssertErrorAsync(await GetAsync("/inbox/conversations?limit=50"), 500, "Internal server error");
    }

    [Fact]
    public async Task ConversationsPageWithContinuationTokens()
    {
        var ids = new List<string>();
        string? token = null;
        do
        {
            var query = "/inbox/conversations?accountId=sender_ann&limit=20" + (token is null ? "" : $"&continuationToken={token}");
            var body = await JsonAsync(await GetAsync(query));
            ids.AddRange(body.GetProperty("conversations").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
            var pagination = body.GetProperty("pagination");
            token = pagination.GetProperty("hasMore").GetBoolean() ? pagination.GetProperty("continuationToken").GetString() : null;
        } while (token is not null);

        Assert.Equal(45, ids.Distinct().Count());
    }
}
