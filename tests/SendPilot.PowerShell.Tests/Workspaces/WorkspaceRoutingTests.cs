using System.Collections;
using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests.Workspaces;

/// <summary>Two workspaces in one runspace: -Connection decides which server gets each request; the sandboxes' request logs say which did.</summary>
public class WorkspaceRoutingTests : IClassFixture<TwoWorkspacesFixture>, IDisposable
{
    private readonly TwoWorkspacesFixture _workspaces;
    private readonly PsSession _session = new();

    public WorkspaceRoutingTests(TwoWorkspacesFixture workspaces)
    {
        _workspaces = workspaces;
        workspaces.Reset();
        _session.Run("Connect-SpAccount -ApiKey $ka -BaseUri $ua -Quiet; $globex = Connect-SpAccount -ApiKey $kb -BaseUri $ub -PassThru -NotDefault",
            new Hashtable { ["ka"] = Acme.ApiKey, ["ua"] = Acme.BaseUri.ToString(), ["kb"] = Globex.ApiKey, ["ub"] = Globex.BaseUri.ToString() }).ThrowIfFailed();
        Acme.ClearRequests();
        Globex.ClearRequests();
    }

    private SandboxServer Acme => _workspaces.Acme;
    private SandboxServer Globex => _workspaces.Globex;

    public void Dispose() => _session.Dispose();

    // {c} becomes " -Connection $globex" or nothing; each family's cmdlets, reads and writes.
    public static TheoryData<string, string, string[]> Families => new()
    {
        { "campaigns", "Get-SpCampaign{c} | Out-Null; Suspend-SpCampaign -CampaignId camp_xyz789{c} -Confirm:$false -ErrorAction SilentlyContinue | Out-Null",
            new[] { "GET /campaigns", "PATCH /campaigns/camp_xyz789" } },
        { "leads", "Get-SpLead -CampaignId camp_xyz789{c} | Out-Null; [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/route-check' } | Add-SpLead -CampaignId camp_xyz789{c} | Out-Null; Set-SpLeadStatus -LeadId lead_3 -Status MEETING_BOOKED{c} -Confirm:$false | Out-Null",
            new[] { "GET /leads", "POST /leads", "PATCH /leads/lead_3/status" } },
        { "outreach", "Get-SpSender{c} | Out-Null; Get-SpCredit{c} | Out-Null; Get-SpConversation -SenderId sender_ann -First 1{c} | Get-SpMessage -First 1{c} | Out-Null; Send-SpMessage -RecipientLinkedinUrl https://www.linkedin.com/in/route-check -Message 'Hi' -SenderId sender_ann{c} -Confirm:$false | Out-Null",
            new[] { "GET /inbox/senders", "GET /credits", "GET /inbox/conversations", "POST /inbox/send" } },
        { "api", "Invoke-SpApi GET /campaigns{c} | Out-Null", new[] { "GET /campaigns" } },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void Each_cmdlet_family_goes_to_the_workspace_that_Connection_names(string family, string script, string[] expected)
    {
        _session.Run(script.Replace("{c}", " -Connection $globex")).ThrowIfFailed();
        Assert.Empty(Summaries(Acme));
        AssertReached(Globex, expected, family);

        Globex.ClearRequests();
        _session.Run(script.Replace("{c}", "")).ThrowIfFailed();
        Assert.Empty(Summaries(Globex));
        AssertReached(Acme, expected, family);
    }

    [Fact]
    public void PSDefaultParameterValues_can_pin_a_connection_for_every_cmdlet()
    {
        _session.Run("$PSDefaultParameterValues['*-Sp*:Connection'] = $globex; Get-SpCampaign | Out-Null; Get-SpSender | Out-Null").ThrowIfFailed();
        Assert.Empty(Summaries(Acme));
        Assert.Contains("GET /campaigns", Summaries(Globex));
        Assert.Contains("GET /inbox/senders", Summaries(Globex));
    }

    [Fact]
    public void Writes_name_the_workspace_in_their_WhatIf_text()
    {
        var host = new CapturingHost();
        using var session = new PsSession(host);
        session.Run("$globex = Connect-SpAccount -ApiKey $kb -BaseUri $ub -PassThru -NotDefault",
            new Hashtable { ["kb"] = Globex.ApiKey, ["ub"] = Globex.BaseUri.ToString() }).ThrowIfFailed();
        Globex.ClearRequests();
        session.Run("Suspend-SpCampaign -CampaignId camp_xyz789 -Connection $globex -WhatIf; Set-SpLeadStatus -LeadId lead_3 -Status MEETING_BOOKED -Connection $globex -WhatIf; " +
                    "[pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/whatif-one' } | Add-SpLead -CampaignId camp_xyz789 -Connection $globex -WhatIf | Out-Null").ThrowIfFailed();

        Assert.Contains("campaign camp_xyz789 in workspace Globex (ws_globex)", host.Text);
        Assert.Contains("lead lead_3 in workspace Globex (ws_globex)", host.Text);
        Assert.Contains("to campaign camp_xyz789 in workspace Globex (ws_globex)", host.Text);
        Assert.DoesNotContain(Globex.Requests, r => r.Method != "GET");
    }

    [Fact]
    public void The_connection_object_is_what_Get_SpContext_returns_and_it_routes_too()
    {
        var result = _session.Run("$acme = Get-SpContext; $acme.WorkspaceId; $globex.WorkspaceId; Get-SpCampaign -Connection $acme | Out-Null").ThrowIfFailed();

        Assert.Equal(new object[] { "ws_acme", "ws_globex" }, result.Output.Select(o => o.BaseObject));
        Assert.Contains("GET /campaigns", Summaries(Acme));
        Assert.Empty(Summaries(Globex));
    }

    [Fact]
    public void A_second_default_connect_keeps_a_passed_through_connection_usable_and_disconnect_ends_only_the_one_given()
    {
        _session.Run("$acme = Get-SpContext; Connect-SpAccount -ApiKey $kb -BaseUri $ub -Quiet",
            new Hashtable { ["kb"] = Globex.ApiKey, ["ub"] = Globex.BaseUri.ToString() }).ThrowIfFailed();
        Acme.ClearRequests();
        _session.Run("Get-SpCampaign -Connection $acme | Out-Null").ThrowIfFailed();
        Assert.Contains("GET /campaigns", Summaries(Acme));

        _session.Run("$acme | Disconnect-SpAccount").ThrowIfFailed();
        var error = _session.Terminates("Get-SpCampaign -Connection $acme");
        Assert.Equal("SendPilot.ConnectionClosed", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("workspace Acme (ws_acme)", error.Exception.Message);
        Assert.Equal("ws_globex", _session.Run("(Get-SpContext).WorkspaceId").ThrowIfFailed().Output.Single().BaseObject);
    }

    private static void AssertReached(SandboxServer server, string[] expected, string family)
    {
        var seen = Summaries(server);
        foreach (string request in expected)
            Assert.True(seen.Contains(request), $"{family}: expected {request} on {server.BaseUri}; it got [{string.Join(", ", seen)}]");
    }

    private static List<string> Summaries(SandboxServer server) => server.Requests.Select(r => $"{r.Method} {r.Path}").Distinct().ToList();
}
