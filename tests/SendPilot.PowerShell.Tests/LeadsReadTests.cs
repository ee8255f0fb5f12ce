using System.Management.Automation;
using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests;

/// <summary>Get-SpLead and Set-SpLeadStatus against the sandbox.</summary>
public class LeadsReadTests : SandboxSessionTest
{
    public LeadsReadTests(SandboxFixture fixture) : base(fixture) { }

    [Fact]
    public void Campaigns_pipe_into_Get_SpLead_and_order_holds_across_concurrent_pages()
    {
        var result = Session.Run("Get-SpCampaign -Id camp_xyz789, camp_sbx_01 | Get-SpLead -PageSize 7 -ThrottleLimit 5").ThrowIfFailed();

        var ids = result.Output.Select(l => (string)l.P("LeadId")!).ToList();
        var expected = Enumerable.Range(1, 120).Concat(Enumerable.Range(121, 3)).Select(i => $"lead_{i}");
        Assert.Equal(expected, ids);
        Assert.All(result.Output, l => Assert.Equal("SendPilot.Client.Models.Lead", l.TypeNames[0]));
        Assert.All(result.Output.Take(120), l => Assert.Equal("camp_xyz789", l.P("CampaignId")));
        Assert.All(result.Output, l => Assert.StartsWith("https://www.linkedin.com/in/", (string)l.P("LinkedinUrl")!));
        var pages = Sandbox.Requests.Where(r => r.Path == "/leads" && r.Query.Contains("camp_xyz789")).Select(r => r.Query).ToList();
        Assert.Equal(18, pages.Count);
        Assert.Equal(18, pages.Distinct().Count());
    }

    [Fact]
    public void Status_filter_and_full_details_are_asked_of_the_api()
    {
        var result = Session.Run("Get-SpLead camp_xyz789 -Status connection_accepted -Full").ThrowIfFailed();

        Assert.Equal(36, result.Output.Count);
        Assert.All(result.Output, l => Assert.Equal("CONNECTION_ACCEPTED", l.P("Status")));
        var query = Sandbox.Requests.Single(r => r.Path == "/leads").Query;
        Assert.Contains("status=CONNECTION_ACCEPTED", query);
        Assert.Contains("full=true", query);
    }

    [Fact]
    public void An_unknown_campaign_is_a_non_terminating_error_and_the_others_still_list()
    {
        var result = Session.Run("Get-SpLead -CampaignId camp_nope, camp_sbx_01");

        Assert.Equal(3, result.Output.Count);
        var error = Assert.Single(result.Errors);
        Assert.Equal("SendPilot.CampaignNotFound", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("camp_nope", error.TargetObject);
    }

    [Fact]
    public void Leads_by_id_with_an_unknown_one_as_a_non_terminating_error()
    {
        var result = Session.Run("Get-SpLead -LeadId lead_3, lead_nope, lead_4");

        Assert.Equal(new object[] { "lead_3", "lead_4" }, result.Output.Select(l => l.P("LeadId")));
        Assert.Equal("Chloe Anders", result.Output[0].ToString());
        var error = Assert.Single(result.Errors);
        Assert.Equal("SendPilot.LeadNotFound", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("lead_nope", error.TargetObject);
    }

    [Fact]
    public void Piped_leads_are_fetched_again_by_id_not_by_campaign()
    {
        var result = Session.Run("Get-SpLead -LeadId lead_3, lead_4 | Get-SpLead -Full").ThrowIfFailed();

        Assert.Equal(new object[] { "lead_3", "lead_4" }, result.Output.Select(l => l.P("LeadId")));
        Assert.Equal(0, Sandbox.CountRequests("GET", "/leads"));
        Assert.Equal(4, Sandbox.CountRequests("GET", "/leads/*"));
    }

    [Fact]
    public void Status_updates_flow_through_the_pipeline()
    {
        var result = Session.Run("Get-SpLead -LeadId lead_3, lead_4 | Set-SpLeadStatus -Status MEETING_BOOKED -CustomLeadStatus interested -Note 'Call Tuesday' -Confirm:$false").ThrowIfFailed();

        Assert.Equal(new object[] { "lead_3", "lead_4" }, result.Output.Select(c => c.P("LeadId")));
        Assert.All(result.Output, c => Assert.Equal("MEETING_BOOKED", c.P("Status")));
        var lead = Sandbox.State.Leads.Find("lead_3")!;
        Assert.Equal("MEETING_BOOKED", lead.Status);
        Assert.Equal("INTERESTED", lead.CustomLeadStatus);
        Assert.Equal("Call Tuesday", lead.Note);

        // A piped lead's own Status (REPLY_RECEIVED, not settable) is not sent back when only the custom status is asked for.
        var custom = Session.Run("Get-SpLead -LeadId lead_6 -Full | Set-SpLeadStatus -CustomLeadStatus closed -Confirm:$false").ThrowIfFailed();
        Assert.Equal("CLOSED", custom.Output.Single().P("CustomLeadStatus"));
        Assert.Equal("CLOSED", Sandbox.State.Leads.Find("lead_6")!.CustomLeadStatus);
        Assert.Equal("REPLY_RECEIVED", Sandbox.State.Leads.Find("lead_6")!.Status);
        Assert.DoesNotContain("\"status\"", Sandbox.Requests.Last(r => r.Method == "PATCH").Body);
    }

    [Fact]
    public void Status_values_are_not_validated_locally_and_WhatIf_changes_nothing()
    {
        var unknown = Session.Run("Set-SpLeadStatus -LeadId lead_3 -Status SOMETHING_NEW -Confirm:$false");
        var error = Assert.Single(unknown.Errors);
        Assert.Equal("SendPilot.InvalidLeadStatus", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(1, Sandbox.CountRequests("PATCH", "/leads/*/status"));

        Session.Run("Set-SpLeadStatus -LeadId lead_3 -Status DONE -WhatIf").ThrowIfFailed();
        Assert.Equal(1, Sandbox.CountRequests("PATCH", "/leads/*/status"));

        var missing = Session.Terminates("Set-SpLeadStatus -LeadId lead_3 -Note 'no status'");
        Assert.Equal("SendPilot.LeadStatusRequired", missing.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidArgument, missing.CategoryInfo.Category);
    }

    [Fact]
    public void Status_completion_offers_the_known_values()
    {
        var result = Session.Run("$s = 'Set-SpLeadStatus -Status MEET'; (TabExpansion2 -inputScript $s -cursorColumn $s.Length).CompletionMatches.CompletionText").ThrowIfFailed();
        Assert.Contains("MEETING_BOOKED", result.Output.Select(o => o.ToString()));
        var custom = Session.Run("$s = 'Set-SpLeadStatus -CustomLeadStatus '; (TabExpansion2 -inputScript $s -cursorColumn $s.Length).CompletionMatches.CompletionText").ThrowIfFailed();
        Assert.Contains("WRONG_PERSON", custom.Output.Select(o => o.ToString()));
    }
}
