using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.Client.Tests.Sandbox;

public sealed class SandboxWebhookTests(SandboxFixture fixture) : SandboxTestBase(fixture)
{
    [Fact]
    public async Task MessageSentIsDeliveredWithAValidSvixSignature()
    {
        // A second sandbox is the receiver: it logs the POST (and answers 404, which is fine here).
        await using var receiver = await SandboxServer.StartAsync();
        var key = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 };
        var configure = await Http.PostAsync(Server.RootUri + "_admin/webhooks", new StringContent(
            JsonSerializer.Serialize(new { url = receiver.RootUri + "hooks", secret = "whsec_" + Convert.ToBase64String(key), scheme = "svix" }),
            Encoding.UTF8, "application/json"));
        Assert.Equal(200, (int)configure.StatusCode);

        await PostAsync("/inbox/send", new { senderId = "sender_ann", recipientLinkedinUrl = "https://www.linkedin.com/in/kim", message = "Hi Kim" });
        await Server.State.Webhooks.WhenIdleAsync();

        var delivery = Assert.Single(Server.State.Webhooks.Deliveries);
        var received = Assert.Single(receiver.Requests);
        Assert.Equal(delivery.Body, received.Body);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key,
            Encoding.UTF8.GetBytes($"{delivery.Headers["svix-id"]}.{delivery.Headers["svix-timestamp"]}.{received.Body}")));
        Assert.Equal("v1," + expected, delivery.Headers["svix-signature"]);
        var data = JsonDocument.Parse(received.Body!).RootElement;
        Assert.Equal("message.sent", data.GetProperty("eventType").GetString());
        Assert.Equal("Hi Kim", data.GetProperty("data").GetProperty("message").GetString());
    }
}
