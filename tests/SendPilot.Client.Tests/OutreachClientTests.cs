using SendPilot.Client.Tests.Sandbox;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.Client.Tests;

/// <summary>Answers the sandbox gives only when told to (a fault rule with a body): a 2xx that says success: false, sparse and old-generation receipts.</summary>
public class OutreachClientTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxServer _sandbox;

    public OutreachClientTests(SandboxFixture fixture)
    {
        _sandbox = fixture.Server;
        _sandbox.Reset();
    }

    private SendPilotClient Client() => new(new SendPilotConnection(_sandbox.ApiKey, _sandbox.BaseUri));

    private void Answer(string method, string path, string body) =>
        _sandbox.InjectFault(new FaultRule { Method = method, Path = path, Status = 201, Body = body });

    [Fact]
    public async Task A_send_answered_with_success_false_is_a_refusal_with_the_api_error_and_not_repeated()
    {
        Answer("POST", "/inbox/send", """{"success":false,"error":"Recipient has restricted messaging","status":"failed"}""");
        var failure = await Assert.ThrowsAsync<SendPilotApiException>(() =>
            Client().SendMessageAsync("sender_ann", "Hi", false, null, "https://www.linkedin.com/in/x", null));

        Assert.Equal(ApiErrorKind.InvalidRequest, failure.Kind);
        Assert.Equal("Recipient has restricted messaging", failure.ApiMessage);
        Assert.Equal(201, failure.StatusCode);
        Assert.Equal(1, _sandbox.CountRequests("POST", "/inbox/send"));
    }

    [Fact]
    public async Task A_connect_receipt_without_sender_or_url_gets_them_from_the_request()
    {
        Answer("POST", "/inbox/connect", """{"success":true,"requestId":"conn_1","status":"sent","timestamp":"2026-11-22T10:00:00Z","extra":1}""");
        var receipt = await Client().RequestConnectionAsync("sender_ann", "https://www.linkedin.com/in/x", null);

        Assert.Equal("conn_1", receipt.RequestId);
        Assert.Equal("sender_ann", receipt.SenderId);
        Assert.Equal("https://www.linkedin.com/in/x", receipt.RecipientLinkedinUrl);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero), receipt.Timestamp);
        Assert.True(receipt.GetAdditionalFields().ContainsKey("extra"));
    }

    [Fact]
    public async Task An_old_generation_queued_receipt_wrapped_in_data_reads_the_same()
    {
        Answer("POST", "/inbox/send/lead/*", """{"data":{"success":true,"messageId":"msg_1","status":"queued"}}""");
        var receipt = await Client().SendMessageAsync("sender_ann", "Hi", true, "lead_3", null, "camp_1");

        Assert.Equal("msg_1", receipt.MessageId);
        Assert.Equal("queued", receipt.Status);
        Assert.Equal("lead_3", receipt.LeadId);
        Assert.Equal("sender_ann", receipt.SenderId);
    }

    [Fact]
    public async Task A_pause_or_status_change_answered_with_success_false_is_a_refusal_too()
    {
        Answer("PATCH", "/campaigns/*", """{"success":false,"campaignId":"camp_xyz789","message":"Campaign has no senders"}""");
        var pause = await Assert.ThrowsAsync<SendPilotApiException>(() => Client().ChangeCampaignStateAsync("camp_xyz789", "pause"));
        Assert.Equal(ApiErrorKind.InvalidRequest, pause.Kind);
        Assert.Equal("Campaign has no senders", pause.ApiMessage);

        Answer("PATCH", "/leads/*/status", """{"success":false,"leadId":"lead_3","message":"Lead is archived"}""");
        var status = await Assert.ThrowsAsync<SendPilotApiException>(() => Client().SetLeadStatusAsync("lead_3", "DONE", null, null));
        Assert.Equal("Lead is archived", status.ApiMessage);
    }
}
