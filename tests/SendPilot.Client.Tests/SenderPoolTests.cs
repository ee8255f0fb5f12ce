using System.Net.Http;
using System.Text.Json;
using SendPilot.Client.Models;
using SendPilot.Client.Outreach;
using Xunit;

namespace SendPilot.Client.Tests;

public class SenderPoolTests
{
    private static Sender S(string id, string status = "active") => new() { Id = id, Status = status };

    private static SenderQuota Q(string id, long? messages, long? connections = null) =>
        new() { SenderId = id, MessagesRemaining = messages, ConnectionsRemaining = connections };

    private static SendPilotApiException DailyLimit() =>
        new(ApiErrorKind.DailyLimitReached, "429", "POST", "/inbox/send", 429, new[] { "Daily message limit exceeded" });

    [Fact]
    public void Prefers_the_active_sender_with_most_remaining_and_counts_down()
    {
        var pool = SenderPool.FromSenders(new[] { S("a"), S("b"), S("c", "rate_limited"), S("d", "disconnected") },
            new[] { Q("a", 2), Q("b", 3), Q("c", 100), Q("d", 100) }, OutreachAction.Message);

        Assert.Equal(new[] { "a", "b" }, pool.SenderIds);
        var chosen = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            string id = pool.Choose()!;
            chosen.Add(id);
            pool.RecordSent(id);
        }
        // b has most; then whichever has more, ties taking turns; quotas count down locally.
        Assert.Equal(new[] { "b", "b", "a", "b", "a" }, chosen);
        // All counted down to 0: still tried in turn (the API has the final word), not dropped.
        Assert.Equal(new[] { "a", "b" }, new[] { pool.Choose()!, pool.Choose()! }.OrderBy(x => x));
    }

    [Fact]
    public void Uses_the_quota_of_the_action()
    {
        var pool = SenderPool.FromSenders(new[] { S("a"), S("b") }, new[] { Q("a", 100, 1), Q("b", 2, 30) }, OutreachAction.Connection);
        Assert.Equal("b", pool.Choose());
    }

    [Fact]
    public void Unknown_quotas_take_turns_and_come_after_known_ones()
    {
        var unknown = SenderPool.FromSenders(new[] { S("a"), S("b") }, null, OutreachAction.Message);
        Assert.Equal(new[] { "a", "b", "a", "b" }, Enumerable.Range(0, 4).Select(_ => unknown.Choose()!).ToArray());

        var mixed = SenderPool.FromSenders(new[] { S("a"), S("b") }, new[] { Q("b", 1) }, OutreachAction.Message);
        Assert.Equal("b", mixed.Choose());
        mixed.RecordSent("b");
        Assert.Equal("a", mixed.Choose());
    }

    [Fact]
    public void A_quota_showing_nothing_left_starts_spent()
    {
        var pool = SenderPool.FromSenders(new[] { S("a") }, new[] { Q("a", 0) }, OutreachAction.Message);
        Assert.True(pool.AllSpent);
        Assert.Null(pool.Choose());
    }

    [Fact]
    public void Explicit_senders_are_used_in_order()
    {
        var pool = SenderPool.Explicit(new[] { "x", "y", "x" }, OutreachAction.Message);
        Assert.Equal(new[] { "x", "y" }, pool.SenderIds);
        Assert.Equal("x", pool.Choose());
        Assert.Equal("x", pool.Choose());
        pool.MarkSpent("x", "limit");
        Assert.Equal("y", pool.Choose());
    }

    [Theory]
    [InlineData(400, "Sender account is disconnected", true)]
    [InlineData(404, "Sender not found", true)]
    [InlineData(404, "Lead not found", false)]
    [InlineData(400, "Recipient is not a 1st-degree connection", false)]
    [InlineData(400, "Recipient blocked messages from this sender", false)]
    [InlineData(500, "Sender not found", false)]
    public void Only_refusals_of_the_sender_itself_move_an_item_to_another_sender(int status, string message, bool unusable)
    {
        var kind = status switch { 400 => ApiErrorKind.InvalidRequest, 404 => ApiErrorKind.NotFound, _ => ApiErrorKind.ServerError };
        Assert.Equal(unusable, SenderPool.IsSenderUnusable(new SendPilotApiException(kind, message, "POST", "/inbox/send", status, new[] { message })));
    }
}

public class QuotaReaderTests
{
    private static IReadOnlyList<SenderQuota> Parse(string json) => QuotaReader.Parse(JsonSerializer.Deserialize<JsonElement>(json));

    [Fact]
    public void Reads_nested_counts_in_a_list()
    {
        var quota = Assert.Single(Parse("""
            {"quotas":[{"senderId":"sender_ann","messages":{"limit":100,"used":7,"remaining":93},
              "connections":{"limit":30,"used":0,"remaining":30},"likes":{"limit":50,"used":0,"remaining":50},
              "resetsAt":"2026-11-23T00:00:00.000Z"}]}
            """));
        Assert.Equal("sender_ann", quota.SenderId);
        Assert.Equal((93L, 100L, 7L), (quota.MessagesRemaining, quota.MessagesLimit, quota.MessagesUsed));
        Assert.Equal((30L, 30L, 0L), (quota.ConnectionsRemaining, quota.ConnectionsLimit, quota.ConnectionsUsed));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), quota.ResetsAt);
        Assert.Contains("likes", quota.RawJson);
    }

    [Fact]
    public void Reads_flat_names_and_works_out_remaining_from_limit_and_used()
    {
        var quota = Assert.Single(Parse("""
            [{"accountId":"s1","dailyMessageLimit":"80","messagesSentToday":20,"connectionRequestsRemaining":5,"resetAt":"2026-11-23T00:00:00Z"}]
            """));
        Assert.Equal("s1", quota.SenderId);
        Assert.Equal(60, quota.MessagesRemaining);
        Assert.Equal(80, quota.MessagesLimit);
        Assert.Equal(5, quota.ConnectionsRemaining);
        Assert.Null(quota.ConnectionsLimit);
        Assert.NotNull(quota.ResetsAt);
    }

    [Fact]
    public void Reads_an_object_keyed_by_sender_id()
    {
        var quotas = Parse("""{"quotas":{"a":{"invitations":{"max":20,"left":3}},"b":{"messages":{"remaining":9}}}}""");
        Assert.Equal(new[] { "a", "b" }, quotas.Select(q => q.SenderId));
        Assert.Equal(3, quotas[0].ConnectionsRemaining);
        Assert.Equal(20, quotas[0].ConnectionsLimit);
        Assert.Null(quotas[0].MessagesRemaining);
        Assert.Equal(9, quotas[1].MessagesRemaining);
    }

    [Fact]
    public void Unrecognised_answers_give_unknown_quotas_not_errors()
    {
        Assert.Empty(Parse("""{"ok":true}"""));
        var quota = Assert.Single(Parse("""{"data":[{"id":"s","something":{"else":1}}]}"""));
        Assert.Null(quota.MessagesRemaining);
        Assert.Null(quota.ConnectionsRemaining);
    }
}
