using System.Net.Http.Json;
using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests.Webhooks;

/// <summary>The sandbox signs its deliveries with its own code; the module's receiver must verify them.</summary>
public class SandboxWebhookTests : IClassFixture<SandboxFixture>, IDisposable
{
    private static readonly HttpClient Http = new();
    private readonly SandboxServer _sandbox;
    private readonly PsSession _session;

    public SandboxWebhookTests(SandboxFixture fixture)
    {
        _sandbox = fixture.Server;
        _sandbox.Reset();
        _session = PsSession.ConnectedTo(_sandbox);
    }

    public void Dispose() => _session.Dispose();

    private void ConfigureWebhooks(Uri url, string secret, string scheme)
    {
        using var response = Http.PostAsJsonAsync(new Uri(_sandbox.RootUri, "_admin/webhooks"), new { url = url.ToString(), secret, scheme }).Result;
        Assert.True(response.IsSuccessStatusCode, response.ToString());
    }

    [Fact]
    public async Task A_message_sent_in_the_sandbox_arrives_verified_with_its_lead_and_text()
    {
        using var receiver = new WebhookReceiverHost("-Secret $secret -EventType message.sent -Count 1 -TimeoutSec 30", Deliveries.SvixSecret);
        ConfigureWebhooks(receiver.Uri, Deliveries.SvixSecret, "svix");

        _session.Run("Invoke-SpApi POST /inbox/send/lead/lead_3 -Body @{ senderId = 'sender_ann'; message = 'Hi {{firstName}}, thanks for connecting!' } -Confirm:$false")
            .ThrowIfFailed();
        var e = Assert.Single(receiver.Finish());
        await _sandbox.State.Webhooks.WhenIdleAsync();

        Assert.Equal("message.sent", e.P("EventType"));
        Assert.Equal("lead_3", e.P("LeadId"));
        Assert.Equal("camp_xyz789", e.P("CampaignId"));
        Assert.Equal("sender_ann", e.P("SenderId"));
        Assert.Equal("Hi Chloe, thanks for connecting!", e.P("Text"));
        Assert.Equal("ws_sandbox", e.P("WorkspaceId"));
        var delivery = Assert.Single(_sandbox.State.Webhooks.Deliveries);
        Assert.Equal(200, delivery.StatusCode);
        Assert.Equal(delivery.EventId, e.P("EventId"));
    }

    [Fact]
    public async Task The_documented_scheme_from_the_sandbox_verifies_too()
    {
        using var receiver = new WebhookReceiverHost("-Secret $secret -Count 1 -TimeoutSec 30", "sandbox-docs-secret");
        ConfigureWebhooks(receiver.Uri, "sandbox-docs-secret", "docs");

        _session.Run("Invoke-SpApi POST /inbox/connect -Body @{ senderId = 'sender_ann'; recipientLinkedinUrl = 'https://www.linkedin.com/in/stranger-zoe'; message = 'Hi Zoe, shall we connect?' } -Confirm:$false")
            .ThrowIfFailed();
        var e = Assert.Single(receiver.Finish());
        await _sandbox.State.Webhooks.WhenIdleAsync();

        Assert.Equal("connection_request.sent", e.P("EventType"));
        Assert.Equal("Hi Zoe, shall we connect?", e.P("Text"));
        Assert.Equal("https://www.linkedin.com/in/stranger-zoe", e.P("LinkedinUrl"));
        Assert.True(Assert.Single(_sandbox.State.Webhooks.Deliveries).Headers.ContainsKey("Webhook-Signature"));
    }

    [Fact]
    public void A_lead_status_change_arrives_as_lead_updated_with_both_statuses()
    {
        using var receiver = new WebhookReceiverHost("-Secret $secret -EventType 'lead.*' -Count 1 -TimeoutSec 30", Deliveries.SvixSecret);
        ConfigureWebhooks(receiver.Uri, Deliveries.SvixSecret, "svix");

        _session.Run("Invoke-SpApi PATCH /leads/lead_3/status -Body @{ status = 'MEETING_BOOKED' } -Confirm:$false").ThrowIfFailed();
        var e = Assert.Single(receiver.Finish());

        Assert.Equal("lead.updated", e.P("EventType"));
        Assert.Equal("lead_3", e.P("LeadId"));
        var data = _session.Run("$e.Data.previousStatus; $e.Data.newStatus", Deliveries.Vars(("e", e))).ThrowIfFailed().Output;
        Assert.Equal(new object[] { "CONNECTION_ACCEPTED", "MEETING_BOOKED" }, data.Select(d => d.BaseObject));
    }

    [Fact]
    public async Task A_receiver_with_another_secret_refuses_the_sandbox_delivery_with_401()
    {
        using var receiver = new WebhookReceiverHost("-Secret $secret -Count 1 -TimeoutSec 30", "whsec_" + Convert.ToBase64String(new byte[32]));
        ConfigureWebhooks(receiver.Uri, Deliveries.SvixSecret, "svix");

        _session.Run("Invoke-SpApi POST /inbox/send -Body @{ senderId = 'sender_ann'; recipientLinkedinUrl = 'https://www.linkedin.com/in/kim'; message = 'Hi Kim' } -Confirm:$false")
            .ThrowIfFailed();
        await _sandbox.State.Webhooks.WhenIdleAsync();

        Assert.Equal(401, Assert.Single(_sandbox.State.Webhooks.Deliveries).StatusCode);
        receiver.Shell.Stop();
        Assert.Equal(System.Management.Automation.PSInvocationState.Stopped, receiver.Shell.InvocationStateInfo.State);
    }

    [Fact]
    public async Task Test_signature_verifies_a_recorded_sandbox_delivery_and_catches_a_tampered_copy()
    {
        using var receiver = new WebhookReceiverHost("-Count 1 -TimeoutSec 30");
        ConfigureWebhooks(receiver.Uri, Deliveries.SvixSecret, "svix");
        _session.Run("Invoke-SpApi PATCH /campaigns/camp_xyz789 -Body @{ action = 'pause' } -Confirm:$false").ThrowIfFailed();
        Assert.Equal("campaign.paused", Assert.Single(receiver.Finish()).P("EventType"));
        await _sandbox.State.Webhooks.WhenIdleAsync();
        var delivery = Assert.Single(_sandbox.State.Webhooks.Deliveries);

        var result = _session.Run(@"
            [pscustomobject]@{ Body = $body; Headers = $headers } | Test-SpWebhookSignature -Secret $secret
            Test-SpWebhookSignature -Body $body.Replace('camp_xyz789', 'camp_xyz780') -Headers $headers -Secret $secret -Detailed",
            Deliveries.Vars(("body", delivery.Body), ("headers", delivery.Headers), ("secret", Deliveries.SvixSecret))).ThrowIfFailed();

        Assert.Equal(true, result.Output[0].BaseObject);
        Assert.Equal("Mismatch", result.Output[1].P("Failure")!.ToString());
    }
}
