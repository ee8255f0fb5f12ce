using System.Management.Automation;
using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests;

/// <summary>Send-SpMessage and Request-SpConnection against the sandbox: templates, limits, -WhatIf, senders.</summary>
public class OutreachSendTests : IClassFixture<SandboxFixture>, IDisposable
{
    private const string In = "https://www.linkedin.com/in/";
    private readonly SandboxServer _sandbox;
    private readonly CapturingHost _host = new();
    private readonly PsSession _session;

    public OutreachSendTests(SandboxFixture fixture)
    {
        _sandbox = fixture.Server;
        _sandbox.Reset();
        _session = PsSession.ConnectedTo(_sandbox, host: _host);
        _sandbox.ClearRequests();
    }

    public void Dispose() => _session.Dispose();

    private int Posts() => _sandbox.CountRequests("POST", "/inbox/*");

    private const string ThreeRows = """
        $rows = @(
            [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/ann-one'; firstName = 'Ann'; company = 'Acme' }
            [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/bob-two'; firstName = 'Bob'; company = 'Bolt' }
            [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/cy-three'; firstName = 'Cy'; company = 'Cobalt' }
        )

        """;

    [Fact]
    public void Three_rows_are_three_rendered_sends_with_receipts()
    {
        var result = _session.Run(ThreeRows + "$rows | Send-SpMessage -Message 'Hi {{FirstName}} at {{ company }}!' -SenderId sender_ann").ThrowIfFailed();

        Assert.Equal(3, result.Output.Count);
        Assert.Equal(new[] { "Hi Ann at Acme!", "Hi Bob at Bolt!", "Hi Cy at Cobalt!" }, _sandbox.State.Inbox.SentMessages.Select(m => m.Text));
        Assert.Equal(3, _sandbox.CountRequests("POST", "/inbox/send"));
        var receipt = result.Output[1];
        Assert.Equal("SendPilot.Client.Models.MessageReceipt", receipt.TypeNames[0]);
        Assert.Equal(_sandbox.State.Inbox.SentMessages[1].Id, receipt.P("MessageId"));
        Assert.Equal(_sandbox.State.Inbox.SentMessages[1].ConversationId, receipt.P("ConversationId"));
        Assert.Equal(In + "bob-two", receipt.P("RecipientLinkedinUrl"));
        Assert.Equal("sender_ann", receipt.P("SenderId"));
        Assert.Equal("sent", receipt.P("Status"));
        Assert.IsType<DateTimeOffset>(receipt.P("Timestamp"));
    }

    [Fact]
    public void Lead_objects_go_by_lead_and_the_api_fills_first_name()
    {
        var result = _session.Run("""
            [pscustomobject]@{ LeadId = 'lead_3'; CampaignId = 'camp_xyz789'; LinkedinUrl = 'https://www.linkedin.com/in/x'; LastName = '' } |
                Send-SpMessage -Message 'Hi {{firstName}} {{lastName}}, thanks!' -SenderId sender_ann
            Send-SpMessage -LeadId lead_4 -Message 'Hello {{firstName}}' -SenderId sender_ann
            """).ThrowIfFailed();

        Assert.Equal(2, result.Output.Count);
        var byLead = _sandbox.Requests.Where(r => r.Path.StartsWith("/inbox/send/lead/")).ToList();
        Assert.Equal(new[] { "/inbox/send/lead/lead_3", "/inbox/send/lead/lead_4" }, byLead.Select(r => r.Path));
        Assert.Contains("{{firstName}} {{lastName}}", byLead[0].Body);
        var sent = _sandbox.State.Inbox.SentMessages;
        Assert.StartsWith("Hi Chloe ", sent[0].Text);
        Assert.DoesNotContain("{{", sent[0].Text);
        Assert.Equal("lead_3", result.Output[0].P("LeadId"));
        Assert.Equal("camp_xyz789", sent[0].CampaignId);
    }

    [Fact]
    public void Csv_rows_with_and_without_a_lead_id_go_by_lead_and_by_profile()
    {
        var result = _session.Run("""
            [pscustomobject]@{ leadId = ''; linkedinUrl = 'https://www.linkedin.com/in/csv-one'; firstName = 'Una' },
            [pscustomobject]@{ leadId = 'lead_4'; linkedinUrl = 'https://www.linkedin.com/in/csv-two'; firstName = 'Dev'; campaignId = '' } |
                Send-SpMessage -Message 'Hi {{firstName}}' -SenderId sender_ann
            """).ThrowIfFailed();

        Assert.Equal(2, result.Output.Count);
        Assert.Equal(new[] { "/inbox/send", "/inbox/send/lead/lead_4" }, _sandbox.Requests.Where(r => r.Method == "POST").Select(r => r.Path));
        Assert.Equal(new[] { "Hi Una", "Hi Dev" }, _sandbox.State.Inbox.SentMessages.Select(m => m.Text));
        Assert.DoesNotContain("campaignId", _sandbox.Requests.Last().Body);
    }

    [Fact]
    public void A_missing_placeholder_fails_that_row_by_name_and_the_others_are_sent()
    {
        var result = _session.Run("""
            $rows = @(
                [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/ann-one'; firstName = 'Ann'; icebreaker = 'Loved your talk' }
                [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/bob-two'; firstName = 'Bob'; icebreaker = '' }
                [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/cy-three'; firstName = 'Cy'; icebreaker = 'Great post' }
            )
            $rows | Send-SpMessage -Message 'Hi {{firstName}}, {{icebreaker}}' -SenderId sender_ann
            """);

        Assert.Equal(2, result.Output.Count);
        var error = Assert.Single(result.Errors);
        Assert.Equal("SendPilot.TemplateValueMissing", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("{{icebreaker}}", error.Exception.Message);
        Assert.Contains("row 2", error.Exception.Message);
        Assert.Contains("bob-two", error.Exception.Message);
        Assert.Equal("Bob", ((PSObject)error.TargetObject).P("firstName")?.ToString());
        Assert.Equal(2, _sandbox.CountRequests("POST", "/inbox/send"));
        Assert.DoesNotContain(_sandbox.State.Inbox.SentMessages, m => m.Text.Contains("Bob"));
    }

    [Fact]
    public void Unknown_placeholders_by_lead_fail_too_while_first_name_is_left_to_the_api()
    {
        var result = _session.Run("Send-SpMessage -LeadId lead_3 -Message 'Hi {{firstName}} from {{company}}' -SenderId sender_ann");

        var error = Assert.Single(result.Errors);
        Assert.Contains("{{company}}", error.Exception.Message);
        Assert.DoesNotContain("firstName", error.Exception.Message);
        Assert.Equal(0, Posts());
    }

    [Fact]
    public void A_message_of_8001_characters_costs_no_request_and_8000_is_sent()
    {
        var result = _session.Run("""
            [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/long-one'; body = 'x' * 8001 },
            [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/long-two'; body = 'y' * 8000 } |
                Send-SpMessage -Message '{{body}}' -SenderId sender_ann
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("SendPilot.MessageTooLong", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("8001 characters", error.Exception.Message);
        Assert.Single(result.Output);
        Assert.Equal(1, Posts());
        Assert.Equal(8000, Assert.Single(_sandbox.State.Inbox.SentMessages).Text.Length);
    }

    [Fact]
    public void A_note_of_301_characters_costs_no_request_and_300_is_sent()
    {
        var result = _session.Run("""
            [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/stranger-one'; note = 'x' * 301 },
            [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/stranger-two'; note = 'y' * 300 } |
                Request-SpConnection -Message '{{note}}' -SenderId sender_ann
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("SendPilot.NoteTooLong", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("301 characters", error.Exception.Message);
        Assert.Equal(1, Posts());
        Assert.Equal(300, Assert.Single(_sandbox.State.Inbox.ConnectionRequests).Note!.Length);
    }

    [Fact]
    public void WhatIf_previews_who_gets_what_from_which_sender_and_sends_nothing()
    {
        var result = _session.Run(ThreeRows + "$rows | Send-SpMessage -Message 'Hi {{firstName}} at {{company}}' -SenderId sender_ann -WhatIf").ThrowIfFailed();

        Assert.Empty(result.Output);
        Assert.Empty(_sandbox.Requests);
        string shown = _host.Text;
        Assert.Contains("What if: Send message to https://www.linkedin.com/in/bob-two from sender_ann: \"Hi Bob at Bolt\"", shown);
        Assert.Equal(3, shown.Split("What if:").Length - 1);

        _host.Clear();
        _session.Run("'https://www.linkedin.com/in/stranger-zed' | Request-SpConnection -Message 'Hello' -WhatIf").ThrowIfFailed();
        Assert.Equal(0, Posts());
        Assert.Contains("What if: Request connection to https://www.linkedin.com/in/stranger-zed from sender_ann: \"Hello\"", _host.Text);
        Assert.Empty(_sandbox.State.Inbox.ConnectionRequests);
    }

    [Fact]
    public void A_recipient_who_is_not_connected_fails_with_the_api_message_and_the_rest_go_on()
    {
        var result = _session.Run("""
            'https://www.linkedin.com/in/ann-one', 'https://www.linkedin.com/in/stranger-zoe', 'https://www.linkedin.com/in/cy-three' |
                ForEach-Object { [pscustomobject]@{ linkedinUrl = $_ } } |
                Send-SpMessage -Message 'Hello there' -SenderId sender_ann
            """);

        Assert.Equal(2, result.Output.Count);
        var error = Assert.Single(result.Errors);
        Assert.Equal("SendPilot.MessageRejected", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("Recipient is not a 1st-degree connection", error.Exception.Message);
        Assert.Equal(In + "stranger-zoe", ((PSObject)error.TargetObject).P("linkedinUrl")?.ToString());
        Assert.Equal(3, Posts());
    }

    [Fact]
    public void Input_without_a_linkedin_url_fails_before_any_request()
    {
        var result = _session.Run("[pscustomobject]@{ name = 'no url' } | Request-SpConnection -SenderId sender_ann");

        var error = Assert.Single(result.Errors);
        Assert.Equal("SendPilot.InvalidRecipient", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Empty(_sandbox.Requests);
    }

    [Fact]
    public void Recipient_urls_follow_the_lead_rules_refused_before_any_request_or_normalised()
    {
        var result = _session.Run(@"
            'https://www.linkedin.com/sales/lead/ACwAAA1,NAME', 'https://www.linkedin.com/in/ACoAAB2c3D4', 'linkedin.com/in/Dana-Ray/?trk=x' |
                ForEach-Object { [pscustomobject]@{ linkedinUrl = $_ } } | Request-SpConnection -SenderId sender_ann");

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("Sales Navigator", result.Errors[0].Exception.Message);
        Assert.Contains("member id", result.Errors[1].Exception.Message);
        Assert.All(result.Errors, e => Assert.Equal("SendPilot.InvalidRecipient", e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Equal("https://www.linkedin.com/in/Dana-Ray", Assert.Single(result.Output).P("RecipientLinkedinUrl"));
        Assert.Contains("\"recipientLinkedinUrl\":\"https://www.linkedin.com/in/Dana-Ray\"", _sandbox.Requests.Single(r => r.Path == "/inbox/connect").Body);
    }

    [Fact]
    public void A_sender_with_quota_2_passes_the_third_message_to_the_next_sender()
    {
        var result = _session.Run(ThreeRows + "$rows | Send-SpMessage -Message 'Hi {{firstName}}' -SenderId sender_ben, sender_ann -Verbose").ThrowIfFailed();

        Assert.Equal(new object[] { "sender_ben", "sender_ben", "sender_ann" }, result.Output.Select(r => r.P("SenderId")));
        Assert.Equal(new[] { "sender_ben", "sender_ben", "sender_ann" }, _sandbox.State.Inbox.SentMessages.Select(m => m.SenderId));
        Assert.Equal(4, _sandbox.CountRequests("POST", "/inbox/send"));
        Assert.Contains(result.Verbose, v => v.Contains("sender_ben reached its daily message limit"));
    }

    [Fact]
    public void Without_sender_id_the_active_sender_with_most_quota_sends()
    {
        var result = _session.Run(ThreeRows + "$rows | Send-SpMessage -Message 'Hi {{firstName}}'").ThrowIfFailed();

        Assert.All(result.Output, r => Assert.Equal("sender_ann", r.P("SenderId")));
        Assert.Equal(1, _sandbox.CountRequests("GET", "/inbox/senders"));
        Assert.Equal(1, _sandbox.CountRequests("GET", "/senders/quotas"));
    }

    [Fact]
    public void Unknown_quotas_make_active_senders_take_turns_and_a_spent_one_is_not_asked_again()
    {
        _sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/senders/quotas", Status = 404, Message = "Cannot GET /v1/senders/quotas" });
        var result = _session.Run("""
            1..6 | ForEach-Object { [pscustomobject]@{ linkedinUrl = "https://www.linkedin.com/in/person-$_" } } |
                Send-SpMessage -Message 'Hello' -Verbose
            """).ThrowIfFailed();

        Assert.Equal(6, result.Output.Count);
        Assert.Equal(new[] { "sender_ann", "sender_ben", "sender_ann", "sender_ben", "sender_ann", "sender_ann" },
            _sandbox.State.Inbox.SentMessages.Select(m => m.SenderId));
        Assert.Equal(3, _sandbox.Requests.Count(r => r.Path == "/inbox/send" && r.Body!.Contains("sender_ben")));
        Assert.Contains(result.Verbose, v => v.Contains("take turns"));
        Assert.DoesNotContain(result.Output, r => Equals(r.P("SenderId"), "sender_cho") || Equals(r.P("SenderId"), "sender_dee"));
    }

    [Fact]
    public void When_every_sender_is_spent_the_rest_fail_clearly_without_requests()
    {
        var result = _session.Run("""
            1..5 | ForEach-Object { "https://www.linkedin.com/in/stranger-$_" } | Request-SpConnection -SenderId sender_ben
            """);

        Assert.Equal(2, result.Output.Count);
        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.Equal("SendPilot.AllSendersSpent", e.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.LimitsExceeded, e.CategoryInfo.Category);
            Assert.Contains("sender_ben: Daily connection limit exceeded", e.Exception.Message);
        });
        Assert.Equal(In + "stranger-5", result.Errors[2].TargetObject.ToString());
        Assert.Equal(3, _sandbox.CountRequests("POST", "/inbox/connect"));

        var cho = _session.Run("'https://www.linkedin.com/in/a-1', 'https://www.linkedin.com/in/a-2' | ForEach-Object { [pscustomobject]@{ linkedinUrl = $_ } } | Send-SpMessage -Message 'Hi' -SenderId sender_cho");
        Assert.Equal(2, cho.Errors.Count);
        Assert.Equal(1, _sandbox.CountRequests("POST", "/inbox/send"));
    }

    [Fact]
    public void A_sender_the_api_refuses_hands_its_items_on_and_is_asked_only_once()
    {
        var result = _session.Run(ThreeRows + "$rows | Send-SpMessage -Message 'Hi {{firstName}}' -SenderId sender_dee, sender_ann -Verbose").ThrowIfFailed();

        Assert.All(result.Output, r => Assert.Equal("sender_ann", r.P("SenderId")));
        Assert.Equal(1, _sandbox.Requests.Count(r => r.Path == "/inbox/send" && r.Body!.Contains("sender_dee")));
        Assert.Contains(result.Verbose, v => v.Contains("sender_dee cannot send (Sender account is disconnected)"));

        var unknown = _session.Run("'https://www.linkedin.com/in/stranger-1', 'https://www.linkedin.com/in/stranger-2' | Request-SpConnection -SenderId sender_nobody");
        Assert.Equal(2, unknown.Errors.Count);
        Assert.All(unknown.Errors, e => Assert.Contains("sender_nobody: Sender not found", e.Exception.Message));
        Assert.Equal(1, _sandbox.CountRequests("POST", "/inbox/connect"));
    }

    [Fact]
    public void Connection_requests_report_sent_and_already_connected_and_fill_the_note()
    {
        var result = _session.Run("""
            [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/stranger-amy'; firstName = 'Amy' },
            [pscustomobject]@{ LinkedinUrl = 'https://www.linkedin.com/in/known-kim'; firstName = 'Kim' } |
                Request-SpConnection -Message 'Hi {{firstName}}, let us connect' -SenderId sender_ann
            """).ThrowIfFailed();

        Assert.Equal(new object[] { "sent", "already_connected" }, result.Output.Select(r => r.P("Status")));
        var receipt = result.Output[0];
        Assert.Equal("SendPilot.Client.Models.ConnectionReceipt", receipt.TypeNames[0]);
        Assert.StartsWith("conn_", (string)receipt.P("RequestId")!);
        Assert.Equal(In + "stranger-amy", receipt.P("RecipientLinkedinUrl"));
        Assert.Equal("sender_ann", receipt.P("SenderId"));
        Assert.NotNull(receipt.P("Timestamp"));
        Assert.Equal("Hi Amy, let us connect", _sandbox.State.Inbox.ConnectionRequests[0].Note);
    }

    [Fact]
    public void A_free_sender_gets_a_warning_that_its_notes_are_dropped()
    {
        _sandbox.InjectFault(new FaultRule { Method = "GET", Path = "/senders/quotas", Status = 404 });
        var result = _session.Run("""
            1..3 | ForEach-Object { "https://www.linkedin.com/in/stranger-$_" } | Request-SpConnection -Message 'Hello'
            """).ThrowIfFailed();

        Assert.Equal(new object[] { "sender_ann", "sender_ben", "sender_ann" }, result.Output.Select(r => r.P("SenderId")));
        Assert.Equal("Sender sender_ben has no LinkedIn Premium: its connection requests go out without the note.", Assert.Single(result.Warnings));
        Assert.Null(_sandbox.State.Inbox.ConnectionRequests[1].Note);
    }
}
