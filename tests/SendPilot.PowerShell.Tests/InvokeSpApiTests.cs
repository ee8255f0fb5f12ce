using System.Management.Automation;
using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests;

public class InvokeSpApiTests : SandboxSessionTest
{
    public InvokeSpApiTests(SandboxFixture fixture) : base(fixture) { }

    [Fact]
    public void Get_with_a_query_returns_powershell_objects()
    {
        var result = Session.Run("$r = Invoke-SpApi GET /campaigns -Query @{ status = 'paused'; limit = 5 }; $r.campaigns.Count; $r.campaigns[0].status; $r.pagination.limit").ThrowIfFailed();

        Assert.Equal(5, (int)result.Output[0].BaseObject);
        Assert.Equal("paused", result.Output[1].ToString()!.ToLowerInvariant());
        Assert.Equal(5, (int)result.Output[2].BaseObject);
        Assert.Contains(Sandbox.Requests, r => r.Query.Contains("status=paused") && r.Query.Contains("limit=5"));
    }

    [Fact]
    public void Post_sends_the_body_as_json_and_returns_the_answer()
    {
        var result = Session.Run(@"
            Invoke-SpApi POST /leads -Body @{ campaignId = 'camp_xyz789'; leads = @(@{ linkedinUrl = 'https://www.linkedin.com/in/invoke-api-test'; customScore = 85 }) } -Confirm:$false").ThrowIfFailed();

        Assert.Equal(1, (int)((PSObject)result.Output.Single()).Properties["leadsAdded"].Value);
        var body = Sandbox.Requests.Single(r => r.Method == "POST").Body!;
        Assert.Contains("\"customScore\":85", body);
    }

    [Fact]
    public void A_failing_call_is_an_error_record_with_a_sentence_and_the_api_json_on_the_exception()
    {
        var error = Session.Terminates("Invoke-SpApi GET /campaigns/camp_missing");

        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.DoesNotContain("{\"statusCode\"", error.ErrorDetails.Message);
        Assert.Contains("GET /v1/campaigns/camp_missing failed: the API answered 404 Not Found", error.ErrorDetails.Message);
        Assert.Contains("\"statusCode\":404", (string)PSObject.AsPSObject(error.Exception).Properties["ResponseBody"].Value);
    }

    [Fact]
    public void A_post_is_not_repeated_after_a_server_error()
    {
        Sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/leads", Status = 502, Count = 0 });
        var error = Session.Terminates("Invoke-SpApi POST /leads -Body @{ campaignId = 'camp_xyz789'; leads = @() } -Confirm:$false");

        Assert.Equal("SendPilot.DeliveryUnknown", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(1, Sandbox.CountRequests("POST", "/leads"));
    }
}
