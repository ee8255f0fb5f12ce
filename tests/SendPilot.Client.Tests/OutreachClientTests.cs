using System.Net;
using System.Net.Http;
using System.Text;
using Xunit;

namespace SendPilot.Client.Tests;

/// <summary>Answers the sandbox does not give: a 2xx that says success: false.</summary>
public class OutreachClientTests
{
    private sealed class Canned : HttpMessageHandler
    {
        private readonly string _body;
        public int Calls;

        public Canned(string body) => _body = body;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Created)
            {
                Content = new StringContent(_body, Encoding.UTF8, "application/json"),
            });
        }
    }

    private static SendPilotClient Client(HttpMessageHandler handler) =>
        new(new SendPilotConnection("sp_test_key_000000000000000000001", new Uri("http://127.0.0.1:9/v1"), handler: handler));

    [Fact]
    public async Task A_send_answered_with_success_false_is_a_refusal_with_the_api_error_and_not_repeated()
    {
        var handler = new Canned("""{"success":false,"error":"Recipient has restricted messaging","status":"failed"}""");
        var failure = await Assert.ThrowsAsync<SendPilotApiException>(() =>
            Client(handler).SendMessageAsync("sender_ann", "Hi", false, null, "https://www.linkedin.com/in/x", null));

        Assert.Equal(ApiErrorKind.InvalidRequest, failure.Kind);
        Assert.Equal("Recipient has restricted messaging", failure.ApiMessage);
        Assert.Equal(201, failure.StatusCode);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task A_connect_receipt_without_sender_or_url_gets_them_from_the_request()
    {
        var handler = new Canned("""{"success":true,"requestId":"conn_1","status":"sent","timestamp":"2026-11-22T10:00:00Z","extra":1}""");
        var receipt = await Client(handler).RequestConnectionAsync("sender_ann", "https://www.linkedin.com/in/x", null);

        Assert.Equal("conn_1", receipt.RequestId);
        Assert.Equal("sender_ann", receipt.SenderId);
        Assert.Equal("https://www.linkedin.com/in/x", receipt.RecipientLinkedinUrl);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero), receipt.Timestamp);
        Assert.True(receipt.GetAdditionalFields().ContainsKey("extra"));
    }

    [Fact]
    public async Task An_old_generation_queued_receipt_wrapped_in_data_reads_the_same()
    {
        var handler = new Canned("""{"data":{"success":true,"messageId":"msg_1","status":"queued"}}""");
        var receipt = await Client(handler).SendMessageAsync("sender_ann", "Hi", true, "lead_3", null, "camp_1");

        Assert.Equal("msg_1", receipt.MessageId);
        Assert.Equal("queued", receipt.Status);
        Assert.Equal("lead_3", receipt.LeadId);
        Assert.Equal("sender_ann", receipt.SenderId);
    }
}
