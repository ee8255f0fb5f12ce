using System.Management.Automation;
using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests;

/// <summary>What each outreach failure tells the user: what happened to that item, whether a request was made, and what to do.</summary>
public class OutreachErrorTests : SandboxSessionTest
{
    public OutreachErrorTests(SandboxFixture fixture) : base(fixture) { }

    private const string TwoRows = "'https://www.linkedin.com/in/ann-one', 'https://www.linkedin.com/in/bob-two' | ForEach-Object { [pscustomobject]@{ linkedinUrl = $_ } }";

    private static string Id(ErrorRecord e) => e.FullyQualifiedErrorId.Split(',')[0];

    [Fact]
    public void A_mistyped_sender_is_named_with_the_senders_that_can_send_and_no_request_claim_is_true_per_item()
    {
        var result = Session.Run(TwoRows + " | Send-SpMessage -Message 'Hi' -SenderId sender_zzz");

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.Equal("SendPilot.SenderUnavailable", Id(e));
            Assert.Contains("sender_zzz: Sender not found", e.ErrorDetails.Message);
            Assert.DoesNotContain("today", e.ErrorDetails.Message);
            Assert.Contains("active now: sender_ann, sender_ben", e.ErrorDetails.Message);
        });
        Assert.Contains("SendPilot refused the request from sender_zzz", result.Errors[0].ErrorDetails.Message);
        Assert.DoesNotContain("No request was made", result.Errors[0].ErrorDetails.Message);
        Assert.Contains("No request was made for it", result.Errors[1].ErrorDetails.Message);
        Assert.Equal(1, Sandbox.CountRequests("POST", "/inbox/send"));
    }

    [Fact]
    public void A_spent_daily_limit_says_when_it_resets()
    {
        var result = Session.Run("1..3 | ForEach-Object { [pscustomobject]@{ linkedinUrl = \"https://www.linkedin.com/in/p-$_\" } } | Send-SpMessage -Message 'Hi' -SenderId sender_ben");

        var error = Assert.Single(result.Errors);
        Assert.Equal("SendPilot.AllSendersSpent", Id(error));
        Assert.Contains("sender_ben: Daily message limit exceeded", error.ErrorDetails.Message);
        Assert.Contains("SendPilot refused the request from sender_ben", error.ErrorDetails.Message);
        Assert.Matches(@"Daily limits reset at \d{4}-\d\d-\d\d 00:00 UTC", error.ErrorDetails.Message);
        Assert.Equal("https://www.linkedin.com/in/p-3", ((PSObject)error.TargetObject).P("linkedinUrl"));
    }

    [Fact]
    public void Messaging_someone_not_connected_says_to_connect_first()
    {
        var error = Assert.Single(Session.Run("[pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/stranger-zoe' } | Send-SpMessage -Message 'Hi' -SenderId sender_ann").Errors);

        Assert.Equal("SendPilot.MessageRejected", Id(error));
        Assert.Contains("The message to https://www.linkedin.com/in/stranger-zoe from sender_ann (input row 1) was not sent", error.ErrorDetails.Message);
        Assert.Contains("LinkedIn messages reach 1st-degree connections only", error.ErrorDetails.Message);
        Assert.Contains("Request-SpConnection", error.ErrorDetails.Message);
        Assert.DoesNotContain("{\"statusCode\"", error.ErrorDetails.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>Thanks!</body></html>")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"ok\":1}")]
    [InlineData("\"accepted\"")]
    public void A_2xx_that_is_not_a_receipt_is_delivery_unknown_for_that_item_and_the_next_goes_on(string body)
    {
        Sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/inbox/send", Status = 201, Body = body });

        var result = Session.Run(TwoRows + " | Send-SpMessage -Message 'Hi' -SenderId sender_ann");

        var error = Assert.Single(result.Errors);
        Assert.Equal("SendPilot.DeliveryUnknown", Id(error));
        Assert.Contains("The message to https://www.linkedin.com/in/ann-one from sender_ann (input row 1) may have been delivered", error.ErrorDetails.Message);
        Assert.Contains("answered 201", error.ErrorDetails.Message);
        Assert.Equal("https://www.linkedin.com/in/bob-two", Assert.Single(result.Output).P("RecipientLinkedinUrl"));
        Assert.Equal(2, Sandbox.CountRequests("POST", "/inbox/send"));
        Assert.Equal("unknown", Assert.Single(Session.Run("Get-SpSendLog -Status unknown").ThrowIfFailed().Output).P("Status"));
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public void A_redirect_answer_to_a_send_is_not_delivered_and_not_repeated(int status)
    {
        Sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/inbox/connect", Status = status, Message = "Moved" });

        var result = Session.Run("'https://www.linkedin.com/in/stranger-amy', 'https://www.linkedin.com/in/stranger-bo' | Request-SpConnection -SenderId sender_ann");

        var error = Assert.Single(result.Errors);
        Assert.Equal("SendPilot.NotDelivered", Id(error));
        Assert.Contains($"SendPilot answered {status} (a redirect)", error.ErrorDetails.Message);
        Assert.Single(result.Output);
        Assert.Equal(2, Sandbox.CountRequests("POST", "/inbox/connect"));
        Assert.Empty(Sandbox.State.Inbox.ConnectionRequests.Where(c => c.RecipientLinkedinUrl.Contains("stranger-amy")));

        // Not delivered: the log does not stop a later run from sending it.
        Assert.Single(Session.Run("'https://www.linkedin.com/in/stranger-amy' | Request-SpConnection -SenderId sender_ann").ThrowIfFailed().Output);
    }
}
