using System.Text;
using System.Text.Json;
using SendPilot.Client.Webhooks;
using Xunit;

namespace SendPilot.Client.Tests.Webhooks;

public sealed class WebhookEventTests
{
    private static string Envelope(string eventType, string data, string? workspace = "\"workspaceId\":\"ws_1\",") =>
        $"{{\"eventId\":\"evt_1767225600000_abc\",\"eventType\":\"{eventType}\",\"timestamp\":\"2026-01-01T00:00:00.000Z\",{workspace}\"data\":{data}}}";

    [Theory]
    [InlineData("message.received", "reply.received")]
    [InlineData("connection.sent", "connection_request.sent")]
    [InlineData("connection.accepted", "connection_request.accepted")]
    [InlineData("lead.status.changed", "lead.updated")]
    public void Every_legacy_name_maps_to_the_current_one(string legacy, string current)
    {
        var e = WebhookEvent.Parse(Envelope(legacy, "{\"leadId\":\"lead_1\"}"));
        Assert.Equal(current, e.EventType);
        Assert.Equal(legacy, e.OriginalEventType);
        Assert.Equal(current, WebhookEventTypes.Normalize(legacy));
    }

    [Fact]
    public void Current_and_unknown_names_pass_through_unchanged()
    {
        foreach (var type in WebhookEventTypes.Current.Append("lead.exploded.v9"))
        {
            var e = WebhookEvent.Parse(Envelope(type, "{}"));
            Assert.Equal(type, e.EventType);
            Assert.Equal(type, e.OriginalEventType);
        }
    }

    [Fact]
    public void Common_fields_are_lifted_and_the_whole_data_is_kept()
    {
        var e = WebhookEvent.Parse(Envelope("message.sent",
            "{\"leadId\":\"lead_3\",\"campaignId\":\"camp_x\",\"linkedinUrl\":\"https://www.linkedin.com/in/chloe\",\"senderId\":\"sender_ann\",\"message\":\"Hi Chloe\",\"sequenceStep\":2,\"extra\":{\"a\":[1,\"b\",true]}}"));

        Assert.Equal("evt_1767225600000_abc", e.EventId);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), e.Timestamp);
        Assert.Equal("ws_1", e.WorkspaceId);
        Assert.Equal("lead_3", e.LeadId);
        Assert.Equal("camp_x", e.CampaignId);
        Assert.Equal("https://www.linkedin.com/in/chloe", e.LinkedinUrl);
        Assert.Equal("sender_ann", e.SenderId);
        Assert.Equal("Hi Chloe", e.Text);
        Assert.Equal(2L, e.Data["SequenceStep"]);
        var extra = Assert.IsAssignableFrom<IDictionary<string, object?>>(e.Data["extra"]);
        Assert.Equal(new object?[] { 1L, "b", true }, (object?[])extra["a"]!);
    }

    [Theory]
    [InlineData("reply.received", "{\"reply\":\"Sounds good\"}", "Sounds good")]
    [InlineData("message.received", "{\"message\":\"Sounds good\",\"replyPreview\":\"Sounds…\"}", "Sounds good")]
    [InlineData("message.received", "{\"replyPreview\":\"Sounds…\"}", "Sounds…")]
    [InlineData("connection_request.sent", "{\"note\":\"Let's connect\"}", "Let's connect")]
    [InlineData("campaign.paused", "{\"campaignId\":\"camp_x\"}", null)]
    public void Text_is_the_message_reply_or_note_whatever_it_was_called(string type, string data, string? text)
    {
        Assert.Equal(text, WebhookEvent.Parse(Envelope(type, data)).Text);
    }

    [Fact]
    public void Bytes_with_a_bom_and_unix_timestamps_are_read_and_workspace_may_be_missing()
    {
        var json = "{\"eventId\":\"e1\",\"eventType\":\"lead.updated\",\"timestamp\":1767225600,\"data\":{\"newStatus\":\"DONE\"}}";
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(json)).ToArray();

        var e = WebhookEvent.Parse(bytes);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225600), e.Timestamp);
        Assert.Null(e.WorkspaceId);
        Assert.Equal(json, e.Json);
    }

    [Theory]
    [InlineData("eventId")]
    [InlineData("eventType")]
    [InlineData("timestamp")]
    [InlineData("data")]
    public void A_missing_envelope_field_is_named(string field)
    {
        var envelope = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Envelope("message.sent", "{}"))!;
        envelope.Remove(field);

        var error = Assert.Throws<WebhookFormatException>(() => WebhookEvent.Parse(JsonSerializer.Serialize(envelope)));

        Assert.Equal(field, error.Field);
        Assert.Contains($"'{field}'", error.Message);
    }

    [Theory]
    [InlineData("{\"eventId\":\"e\",\"eventType\":\"x\",\"timestamp\":\"yesterday\",\"data\":{}}", "timestamp")]
    [InlineData("{\"eventId\":\"e\",\"eventType\":\"x\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":[1]}", "data")]
    [InlineData("{\"eventId\":42,\"eventType\":\"x\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{}}", "eventId")]
    public void A_field_of_the_wrong_kind_is_named(string json, string field)
    {
        Assert.Equal(field, Assert.Throws<WebhookFormatException>(() => WebhookEvent.Parse(json)).Field);
    }

    [Theory]
    [InlineData("{\"eventId\":")]
    [InlineData("not json")]
    [InlineData("")]
    public void Malformed_json_is_a_clear_error(string json)
    {
        var error = Assert.Throws<WebhookFormatException>(() => WebhookEvent.Parse(json));
        Assert.Null(error.Field);
        Assert.StartsWith("The webhook body is not valid JSON", error.Message);
    }

    [Fact]
    public void A_json_array_is_not_an_event()
    {
        Assert.Contains("must be a JSON object", Assert.Throws<WebhookFormatException>(() => WebhookEvent.Parse("[1,2]")).Message);
    }
}
