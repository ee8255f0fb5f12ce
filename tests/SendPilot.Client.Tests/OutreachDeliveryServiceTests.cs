using SendPilot.Client.Ledger;
using SendPilot.Client.Models;
using SendPilot.Client.Outreach;
using SendPilot.Client.Tests.Sandbox;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.Client.Tests;

/// <summary>The outreach delivery service against the sandbox: sender rotation, at-most-once and the send log.</summary>
public class OutreachDeliveryServiceTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxServer _sandbox;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sendpilot-client-tests", Guid.NewGuid().ToString("N"));
    private readonly SendPilotConnection _connection;

    public OutreachDeliveryServiceTests(SandboxFixture fixture)
    {
        _sandbox = fixture.Server;
        _sandbox.Reset();
        _connection = new SendPilotConnection(_sandbox.ApiKey, _sandbox.BaseUri);
    }

    public void Dispose()
    {
        _connection.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private OutreachDelivery Service(OutreachAction action, string[]? senders, bool ledger = true) =>
        new(new SendPilotClient(_connection), action, senders, ledger ? new SendLedger(_folder, "ws_test") : null);

    private static OutreachItem Message(string slug, string text = "Hello") => new(OutreachAction.Message, "https://www.linkedin.com/in/" + slug, null, text);

    private static OutreachItem Connect(string slug) => new(OutreachAction.Connection, "https://www.linkedin.com/in/" + slug, null, null);

    [Fact]
    public async Task A_daily_limit_moves_the_item_to_the_next_sender_and_the_spent_one_is_not_asked_again()
    {
        var service = Service(OutreachAction.Message, new[] { "sender_ben", "sender_ann" });

        var outcomes = new List<DeliveryOutcome>();
        foreach (string slug in new[] { "p-1", "p-2", "p-3", "p-4" }) outcomes.Add(await service.DeliverAsync(Message(slug)));

        Assert.All(outcomes, o => Assert.Equal(DeliveryStatus.Sent, o.Status));
        Assert.Equal(new[] { "sender_ben", "sender_ben", "sender_ann", "sender_ann" }, outcomes.Select(o => o.SenderId));
        Assert.Equal(3, _sandbox.Requests.Count(r => r.Path == "/inbox/send" && r.Body!.Contains("sender_ben")));
        // The refused attempt is in the log as refused, so it stops nothing; the sent one from sender_ann is what counts.
        var p3 = service.Ledger!.ReadAll().Where(e => e.RecipientLinkedinUrl!.EndsWith("p-3")).ToList();
        Assert.Equal(new[] { ("sender_ben", "refused"), ("sender_ann", "sent") }, p3.Select(e => (e.SenderId, e.Status)));
    }

    [Fact]
    public async Task When_every_sender_is_spent_the_next_items_fail_without_a_request_and_say_so()
    {
        var service = Service(OutreachAction.Connection, new[] { "sender_ben" });

        var outcomes = new List<DeliveryOutcome>();
        foreach (int i in Enumerable.Range(1, 4)) outcomes.Add(await service.DeliverAsync(Connect("stranger-" + i)));

        Assert.Equal(new[] { DeliveryStatus.Sent, DeliveryStatus.Sent, DeliveryStatus.NoSenderLeft, DeliveryStatus.NoSenderLeft }, outcomes.Select(o => o.Status));
        Assert.True(outcomes[2].RequestMade);
        Assert.False(outcomes[3].RequestMade);
        var spent = Assert.Single(outcomes[3].SpentSenders);
        Assert.Equal(("sender_ben", "Daily connection limit exceeded", true), (spent.Id, spent.Reason, spent.DailyLimit));
        Assert.NotNull(spent.ResetsAt);
        Assert.Equal(3, _sandbox.CountRequests("POST", "/inbox/connect"));
    }

    [Fact]
    public async Task A_recipient_refusal_belongs_to_the_item_and_leaves_the_sender_in_use()
    {
        var service = Service(OutreachAction.Message, new[] { "sender_ann", "sender_ben" });

        var refused = await service.DeliverAsync(Message("stranger-zoe"));
        var next = await service.DeliverAsync(Message("ann-one"));

        Assert.Equal(DeliveryStatus.Refused, refused.Status);
        Assert.Equal("Recipient is not a 1st-degree connection", refused.Failure!.ApiMessage);
        Assert.Equal(("sender_ann", DeliveryStatus.Sent), (next.SenderId, next.Status));
        Assert.Equal(2, _sandbox.CountRequests("POST", "/inbox/send"));
    }

    [Fact]
    public async Task A_second_service_on_the_same_log_skips_what_the_first_sent_without_a_request()
    {
        await Service(OutreachAction.Message, new[] { "sender_ann" }).DeliverAsync(Message("ann-one"));

        var later = Service(OutreachAction.Message, new[] { "sender_ann" });
        var again = await later.DeliverAsync(Message("ann-one"));
        var other = await later.DeliverAsync(Message("ann-one", "Another text"));

        Assert.Equal(DeliveryStatus.AlreadySent, again.Status);
        Assert.Equal("sent", again.Previous!.Status);
        Assert.False(again.RequestMade);
        Assert.Equal(DeliveryStatus.Sent, other.Status);
        Assert.Equal(2, _sandbox.CountRequests("POST", "/inbox/send"));
        Assert.Equal(DeliveryStatus.Sent, (await later.DeliverAsync(new OutreachItem(OutreachAction.Message, "https://www.linkedin.com/in/ann-one", null, "Hello") { Force = true })).Status);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    public async Task A_2xx_that_is_not_a_receipt_is_unknown_and_stays_in_the_log_as_unknown(string body)
    {
        _sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/inbox/send", Status = 200, Body = body });
        var service = Service(OutreachAction.Message, new[] { "sender_ann" });

        var outcome = await service.DeliverAsync(Message("ann-one"));

        Assert.Equal((DeliveryStatus.Unknown, UnknownCause.OddAnswer), (outcome.Status, outcome.Cause));
        Assert.Equal("unknown", Assert.Single(service.Ledger!.ReadAll()).Status);
        Assert.Equal(DeliveryStatus.AlreadySent, (await service.DeliverAsync(Message("ann-one"))).Status);
        Assert.Equal(1, _sandbox.CountRequests("POST", "/inbox/send"));
    }

    [Fact]
    public async Task A_401_ends_the_command_and_is_logged_as_refused()
    {
        using var wrong = new SendPilotConnection("sp_test_wrong_key_00000000000000", _sandbox.BaseUri);
        var service = new OutreachDelivery(new SendPilotClient(wrong), OutreachAction.Message, new[] { "sender_ann" }, new SendLedger(_folder, "ws_test"));

        var failure = await Assert.ThrowsAsync<SendPilotApiException>(() => service.DeliverAsync(Message("ann-one")));

        Assert.Equal(ApiErrorKind.Authentication, failure.Kind);
        Assert.Equal("refused", Assert.Single(service.Ledger!.ReadAll()).Status);
    }
}

/// <summary>The send log file on its own: claims are atomic across instances (as across processes), torn lines are survived.</summary>
public class SendLedgerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sendpilot-ledger-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static LedgerItem Item(int i) => new(LedgerActions.Connection, $"https://www.linkedin.com/in/p-{i}", null, null);

    [Fact]
    public async Task Two_logs_on_one_file_claiming_overlapping_items_at_once_claim_each_exactly_once()
    {
        var first = new SendLedger(_folder, "ws");
        var second = new SendLedger(_folder, "ws");
        using var start = new Barrier(2);
        var claimed = new System.Collections.Concurrent.ConcurrentBag<int>();
        Task Claimer(SendLedger ledger, IEnumerable<int> items) => Task.Run(() =>
        {
            start.SignalAndWait();
            foreach (int i in items)
                if (ledger.Claim(Item(i), "s", force: false).IntentId != null) claimed.Add(i);
        });

        await Task.WhenAll(Claimer(first, Enumerable.Range(0, 300)), Claimer(second, Enumerable.Range(150, 300)));

        Assert.Equal(Enumerable.Range(0, 450), claimed.OrderBy(i => i));
        Assert.Equal(450, new SendLedger(_folder, "ws").ReadAll().Count);
    }

    [Fact]
    public void A_torn_line_is_ignored_and_sealed_and_what_follows_reads_normally()
    {
        var ledger = new SendLedger(_folder, "ws");
        string id = ledger.Claim(Item(1), "s", false).IntentId!;
        ledger.RecordOutcome(id, SendLogStatus.Sent, "conn_1");
        File.AppendAllText(ledger.FilePath, "{\"t\":\"outcome\",\"id\":\"" + id + "\",\"status\":\"notse");

        var reopened = new SendLedger(_folder, "ws");
        Assert.Equal("sent", Assert.Single(reopened.ReadAll()).Status);
        Assert.NotNull(reopened.Claim(Item(2), "s", false).IntentId);

        var entries = new SendLedger(_folder, "ws").ReadAll();
        Assert.Equal(new[] { "sent", "unknown" }, entries.Select(e => e.Status));
        Assert.True(entries[0].Blocks);
    }

    [Fact]
    public void A_log_locked_by_another_holder_past_the_wait_fails_clearly()
    {
        var ledger = new SendLedger(_folder, "ws", TimeSpan.FromMilliseconds(200));
        ledger.ReadAll(); // creates the file
        using var holder = new FileStream(ledger.FilePath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var failure = Assert.Throws<SendLedgerException>(() => ledger.Claim(Item(1), "s", false));

        Assert.Contains(ledger.FilePath, failure.Message);
        Assert.Contains("stayed locked by another process", failure.Message);
        Assert.Contains("nothing was sent", failure.Message);
    }
}
