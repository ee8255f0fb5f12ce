using System.Collections;
using System.Text;
using SendPilot.Client.Webhooks;
using Xunit;

namespace SendPilot.Client.Tests.Webhooks;

public sealed class WebhookSampleTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Every_event_type_has_a_sample_that_reads_back_as_that_type()
    {
        Assert.Equal(16, WebhookSamples.EventTypes.Count);
        foreach (var type in WebhookSamples.EventTypes)
        {
            var e = WebhookEvent.Parse(WebhookSamples.Create(type, null, At));
            Assert.Equal(type, e.OriginalEventType);
            Assert.Equal(WebhookEventTypes.Normalize(type), e.EventType);
            Assert.Equal(At, e.Timestamp);
            Assert.StartsWith("evt_" + At.ToUnixTimeMilliseconds() + "_", e.EventId);
            Assert.NotEmpty(e.Data);
        }
    }

    [Fact]
    public void Samples_carry_the_fields_their_type_documents()
    {
        var sent = WebhookEvent.Parse(WebhookSamples.Create("message.sent", null, At));
        Assert.NotNull(sent.LeadId);
        Assert.NotNull(sent.CampaignId);
        Assert.NotNull(sent.SenderId);
        Assert.NotNull(sent.Text);
        Assert.True(sent.Data.ContainsKey("sequenceStep"));
        Assert.NotNull(WebhookEvent.Parse(WebhookSamples.Create("reply.received", null, At)).Data["reply"]);
        Assert.NotNull(WebhookEvent.Parse(WebhookSamples.Create("connection_request.sent", null, At)).Data["note"]);
        var updated = WebhookEvent.Parse(WebhookSamples.Create("lead.updated", null, At));
        Assert.Equal("MEETING_BOOKED", updated.Data["newStatus"]);
        var paused = WebhookEvent.Parse(WebhookSamples.Create("campaign.paused", null, At));
        Assert.Equal("2026-03-01T09:30:00.000Z", paused.Data["pausedAt"]);
        Assert.Equal(2, ((object?[])WebhookEvent.Parse(WebhookSamples.Create("lead_extractor.job.completed", null, At)).Data["leads"]!).Length);
    }

    [Fact]
    public void Overrides_replace_add_and_remove_data_fields()
    {
        var overrides = new Hashtable { ["leadId"] = "lead_42", ["custom"] = 7, ["campaignId"] = null };
        var e = WebhookEvent.Parse(WebhookSamples.Create("message.sent", overrides, At, "evt_fixed"));

        Assert.Equal("evt_fixed", e.EventId);
        Assert.Equal("lead_42", e.LeadId);
        Assert.Equal(7L, e.Data["custom"]);
        Assert.False(e.Data.ContainsKey("campaignId"));
        Assert.Null(e.CampaignId);
    }

    [Fact]
    public void The_body_is_utf8_json_in_sendpilot_envelope_order()
    {
        var text = Encoding.UTF8.GetString(WebhookSamples.Create("reply.received", null, At, "evt_1"));
        Assert.StartsWith("{\"eventId\":\"evt_1\",\"eventType\":\"reply.received\",\"timestamp\":\"2026-03-01T09:30:00.000Z\",\"workspaceId\":", text);
    }
}
