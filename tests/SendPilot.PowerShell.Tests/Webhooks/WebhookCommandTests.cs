using System.Management.Automation;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using SendPilot.PowerShell.Tests.Infrastructure;
using Xunit;

namespace SendPilot.PowerShell.Tests.Webhooks;

public class WebhookCommandTests : IDisposable
{
    private readonly PsSession _session = new();

    public void Dispose() => _session.Dispose();

    [Fact]
    public void ConvertFrom_reads_strings_bytes_and_parsed_objects_and_maps_legacy_names()
    {
        var json = Deliveries.Envelope("evt_a", "message.received", "{\"leadId\":\"lead_7\",\"senderId\":\"sender_ann\",\"replyPreview\":\"Sure!\"}");
        var result = _session.Run(@"
            $json | ConvertFrom-SpWebhookEvent
            ConvertFrom-SpWebhookEvent -InputObject ([Text.Encoding]::UTF8.GetBytes($json))
            [pscustomobject]@{ eventId = 'evt_b'; eventType = 'lead.status.changed'; timestamp = '2026-01-01T10:00:00Z'
                               data = [pscustomobject]@{ leadId = 'lead_8'; newStatus = 'DONE'; nested = @{ a = 1 } } } | ConvertFrom-SpWebhookEvent
            @{ eventId = 'evt_c'; eventType = 'something.new'; timestamp = [datetime]::new(2026, 1, 2, 0, 0, 0, [DateTimeKind]::Utc); data = @{ note = 'hi' } } | ConvertFrom-SpWebhookEvent",
            Deliveries.Vars(("json", json))).ThrowIfFailed();

        Assert.Equal(4, result.Output.Count);
        Assert.All(result.Output, e => Assert.Equal("SendPilot.Client.Webhooks.WebhookEvent", e.TypeNames[0]));
        Assert.Equal("reply.received", result.Output[0].P("EventType"));
        Assert.Equal("message.received", result.Output[0].P("OriginalEventType"));
        Assert.Equal("Sure!", result.Output[0].P("Text"));
        Assert.Equal("lead_7", result.Output[1].P("LeadId"));
        Assert.Equal("lead.updated", result.Output[2].P("EventType"));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero), result.Output[2].P("Timestamp"));
        Assert.Equal("DONE", _session.Run("($json2 | ConvertFrom-SpWebhookEvent).Data.newStatus",
            Deliveries.Vars(("json2", Deliveries.Envelope("e", "lead.updated", "{\"newStatus\":\"DONE\"}")))).Output.Single().BaseObject);
        Assert.Equal("something.new", result.Output[3].P("EventType"));
        Assert.Equal("hi", result.Output[3].P("Text"));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), result.Output[3].P("Timestamp"));
    }

    [Fact]
    public void ConvertFrom_reports_malformed_input_per_item_naming_the_field_and_goes_on()
    {
        var good = Deliveries.Envelope("evt_ok", "message.sent", "{}");
        var result = _session.Run("'{not json', '{\"eventId\":\"e\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{}}', $good | ConvertFrom-SpWebhookEvent",
            Deliveries.Vars(("good", good)));

        Assert.Equal("evt_ok", Assert.Single(result.Output).P("EventId"));
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("SendPilot.InvalidWebhookEvent", e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category));
        Assert.Contains("not valid JSON", result.Errors[0].Exception.Message);
        Assert.Equal("{not json", result.Errors[0].TargetObject?.ToString());
        Assert.Contains("'eventType'", result.Errors[1].Exception.Message);
    }

    [Fact]
    public void ConvertFrom_writes_a_per_item_error_for_an_impossible_timestamp_or_invalid_utf8_and_goes_on()
    {
        var good = Deliveries.Envelope("evt_ok", "message.sent", "{}");
        var result = _session.Run(@"
            $far = '{""eventId"":""evt_t"",""eventType"":""lead.updated"",""timestamp"":99999999999999999,""data"":{}}'
            [byte[]]$bad = [Text.Encoding]::UTF8.GetBytes('{""eventId"":""evt_') + [byte[]](0xC3, 0x28) + [Text.Encoding]::UTF8.GetBytes('"",""eventType"":""x"",""timestamp"":""2026-01-01T00:00:00Z"",""data"":{}}')
            $far | ConvertFrom-SpWebhookEvent
            ConvertFrom-SpWebhookEvent -InputObject $bad
            $good | ConvertFrom-SpWebhookEvent", Deliveries.Vars(("good", good)));

        Assert.Null(result.Terminating);
        Assert.Equal("evt_ok", Assert.Single(result.Output).P("EventId"));
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("SendPilot.InvalidWebhookEvent", e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Contains("'timestamp'", result.Errors[0].Exception.Message);
        Assert.Contains("not valid UTF-8", result.Errors[1].Exception.Message);
        Assert.IsType<byte[]>(result.Errors[1].TargetObject is PSObject ps ? ps.BaseObject : result.Errors[1].TargetObject);
    }

    [Fact]
    public void Test_signature_accepts_a_string_or_secure_secret_and_headers_in_any_case()
    {
        var body = Deliveries.Envelope("evt_sig", "message.sent", "{\"message\":\"Grüße\"}");
        var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var svix = "v1," + Convert.ToBase64String(HMACSHA256.HashData(Deliveries.Key, Encoding.UTF8.GetBytes($"msg_1.{t}.{body}")));
        var docs = $"t={t},s=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("plain-secret"), Encoding.UTF8.GetBytes($"{t}.{body}")));
        var vars = Deliveries.Vars(("body", body), ("svix", svix), ("docs", docs), ("t", t.ToString()), ("secret", Deliveries.SvixSecret));

        var result = _session.Run(@"
            $svixHeaders = @{ 'SVIX-ID' = 'msg_1'; 'svix-Timestamp' = $t; 'Svix-Signature' = 'v1,AAAA ' + $svix }
            Test-SpWebhookSignature -Body $body -Headers $svixHeaders -Secret $secret
            $secure = [securestring]::new(); foreach ($c in $secret.ToCharArray()) { $secure.AppendChar($c) }
            Test-SpWebhookSignature -Body ([Text.Encoding]::UTF8.GetBytes($body)) -Headers $svixHeaders -Secret $secure
            $dictionary = [Collections.Generic.Dictionary[string,string]]::new(); $dictionary['webhook-signature'] = $docs
            Test-SpWebhookSignature $body $dictionary -Secret 'plain-secret'
            [pscustomobject]@{ Body = $body; Headers = [pscustomobject]@{ 'Webhook-Signature' = $docs } } | Test-SpWebhookSignature -Secret 'plain-secret'", vars).ThrowIfFailed();

        Assert.Equal(new object[] { true, true, true, true }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void Test_signature_detailed_names_the_scheme_and_the_reason_for_each_failure()
    {
        var body = Deliveries.Envelope("evt_sig", "message.sent", "{}");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string Sig(long t, string b) => "v1," + Convert.ToBase64String(HMACSHA256.HashData(Deliveries.Key, Encoding.UTF8.GetBytes($"m.{t}.{b}")));
        var vars = Deliveries.Vars(("body", body), ("secret", Deliveries.SvixSecret), ("now", now.ToString()), ("old", (now - 900).ToString()),
            ("good", Sig(now, body)), ("stale", Sig(now - 900, body)));

        var result = _session.Run(@"
            Test-SpWebhookSignature -Body ($body + ' ') -Headers @{ 'svix-id' = 'm'; 'svix-timestamp' = $now; 'svix-signature' = $good } -Secret $secret -Detailed
            Test-SpWebhookSignature -Body $body -Headers @{ 'svix-id' = 'm'; 'svix-timestamp' = $now; 'svix-signature' = $good } -Secret 'whsec_AAAAAAAAAAAAAAAAAAAAAA==' -Detailed
            Test-SpWebhookSignature -Body $body -Headers @{ 'svix-id' = 'm'; 'svix-timestamp' = $old; 'svix-signature' = $stale } -Secret $secret -Detailed
            Test-SpWebhookSignature -Body $body -Headers @{ 'svix-id' = 'm'; 'svix-signature' = $good } -Secret $secret -Detailed
            Test-SpWebhookSignature -Body $body -Headers @{ 'svix-id' = 'm'; 'svix-timestamp' = $old; 'svix-signature' = $stale } -Secret $secret -ToleranceSeconds 0 -Detailed
            Test-SpWebhookSignature -Body $body -Headers @{} -Secret $secret", vars).ThrowIfFailed();

        var failures = result.Output.Take(5).Select(o => o.P("Failure")!.ToString()).ToArray();
        Assert.Equal(new[] { "Mismatch", "Mismatch", "TimestampOutsideTolerance", "MissingHeader", "None" }, failures);
        Assert.All(result.Output.Take(5), o => Assert.Equal("Svix", o.P("Scheme")!.ToString()));
        Assert.Contains("svix-timestamp", (string)result.Output[3].P("Message")!);
        Assert.Equal(true, result.Output[4].P("IsValid"));
        Assert.Equal(false, result.Output[5].BaseObject);
    }

    [Fact]
    public void Test_signature_refuses_a_parsed_object_as_body()
    {
        var result = _session.Run("Test-SpWebhookSignature -Body ([pscustomobject]@{ a = 1 }) -Headers @{} -Secret 's'");
        Assert.Empty(result.Output);
        Assert.Equal("SendPilot.InvalidWebhookBody", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void Send_posts_every_event_type_signed_in_every_scheme_and_the_receiver_verifies_them()
    {
        string[] types =
        [
            "message.sent", "reply.received", "connection_request.sent", "connection_request.accepted", "campaign.started",
            "campaign.paused", "campaign.resumed", "campaign.finished", "lead.updated", "lead.tag.updated",
            "lead_database.search.completed", "lead_extractor.job.completed",
        ];
        using var svix = new WebhookReceiverHost($"-Secret $secret -Count {types.Length + 1}", Deliveries.SvixSecret);
        using var docs = new WebhookReceiverHost("-Secret $secret -Count 2", "plain-docs-secret");

        var sent = _session.Run(@"
            $types | Send-SpTestWebhook -Uri $svixUri -Secret $svixSecret
            Send-SpTestWebhook $svixUri message.received -Secret $svixSecret -Scheme StandardWebhooks -Data @{ leadId = 'lead_42'; message = 'Old-style reply' }
            Send-SpTestWebhook $docsUri lead.updated -Secret 'plain-docs-secret' -Scheme Docs -Data @{ leadId = 'lead_42'; campaignId = $null }
            Send-SpTestWebhook $docsUri connection.sent -Secret 'plain-docs-secret' -Scheme Docs -EventId 'evt_fixed'",
            Deliveries.Vars(("types", types), ("svixUri", svix.Uri), ("docsUri", docs.Uri), ("svixSecret", Deliveries.SvixSecret))).ThrowIfFailed();

        Assert.Equal(types.Length + 3, sent.Output.Count);
        Assert.All(sent.Output, d => Assert.Equal(200, d.P("StatusCode")));
        Assert.All(sent.Output, d => Assert.Equal("SendPilot.Client.Webhooks.WebhookTestDelivery", d.TypeNames[0]));
        var received = svix.Finish();
        Assert.Equal(types.Append("reply.received"), received.Select(e => (string)e.P("EventType")!));
        Assert.Equal(sent.Output.Take(types.Length + 1).Select(d => d.P("EventId")), received.Select(e => e.P("EventId")));
        Assert.Equal("Old-style reply", received[^1].P("Text"));
        Assert.Equal("lead_42", received[^1].P("LeadId"));
        var fromDocs = docs.Finish();
        Assert.Equal("lead_42", fromDocs[0].P("LeadId"));
        Assert.Null(fromDocs[0].P("CampaignId"));
        Assert.Equal("evt_fixed", fromDocs[1].P("EventId"));
        Assert.Equal("connection_request.sent", fromDocs[1].P("EventType"));
    }

    [Fact]
    public void Send_reports_a_refusal_and_an_unreachable_receiver_as_errors_and_unsigned_events_are_refused()
    {
        using var receiver = new WebhookReceiverHost("-Secret $secret -TimeoutSec 20 -Count 1", Deliveries.SvixSecret);
        int closed = WebhookReceiverHost.FreePort();

        var result = _session.Run(@"
            Send-SpTestWebhook -Uri $uri -EventType reply.received
            Send-SpTestWebhook -Uri $uri -EventType reply.received -Secret $secret -Timestamp ([DateTimeOffset]::UtcNow.AddHours(-1))
            Send-SpTestWebhook -Uri $closedUri -Secret $secret -TimeoutSec 5",
            Deliveries.Vars(("uri", receiver.Uri), ("secret", Deliveries.SvixSecret), ("closedUri", new Uri($"http://127.0.0.1:{closed}/"))));

        Assert.Equal(new object?[] { 401, 401, null }, result.Output.Select(d => d.P("StatusCode")));
        Assert.Contains("MissingHeader", (string)result.Output[0].P("Response")!);
        Assert.Contains("TimestampOutsideTolerance", (string)result.Output[1].P("Response")!);
        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("SendPilot.TestWebhookFailed", e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Equal(ErrorCategory.ConnectionError, result.Errors[2].CategoryInfo.Category);

        var badSecret = _session.Terminates("Send-SpTestWebhook -Uri $uri -Secret 'not base64!'", Deliveries.Vars(("uri", receiver.Uri)));
        Assert.Contains("-Scheme Docs", badSecret.Exception.Message);
        receiver.Shell.Stop();
    }

    [Fact]
    public void Send_WhatIf_sends_nothing()
    {
        using var receiver = new WebhookReceiverHost("-TimeoutSec 2");
        var result = _session.Run("Send-SpTestWebhook -Uri $uri -WhatIf", Deliveries.Vars(("uri", receiver.Uri))).ThrowIfFailed();
        Assert.Empty(result.Output);
        Assert.Empty(receiver.Finish());
    }
}
