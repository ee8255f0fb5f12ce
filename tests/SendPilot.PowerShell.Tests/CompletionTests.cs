using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests;

[Collection(nameof(ProcessEnvironment))]
public class CompletionTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxServer _sandbox;

    public CompletionTests(SandboxFixture fixture)
    {
        _sandbox = fixture.Server;
        _sandbox.Reset();
    }

    private static List<string> Complete(PsSession session, string input) =>
        session.Run($"[System.Management.Automation.CommandCompletion]::CompleteInput('{input.Replace("'", "''")}', {input.Length}, $null).CompletionMatches | ForEach-Object {{ $_.CompletionText + '|' + $_.ToolTip }}")
            .ThrowIfFailed().Output.Select(o => o.ToString()!).ToList();

    [Fact]
    public void Campaign_ids_complete_from_the_live_list_with_names_as_tooltips_and_by_name()
    {
        using var session = PsSession.ConnectedTo(_sandbox);
        var byId = Complete(session, "Suspend-SpCampaign -CampaignId camp_xyz");
        Assert.Equal("camp_xyz789|Q4 Founders Outreach (started)", Assert.Single(byId));

        var byName = Complete(session, "Get-SpCampaign -Id Founders");
        Assert.Contains(byName, m => m.StartsWith("camp_xyz789|"));
        Assert.Equal(1, _sandbox.CountRequests("GET", "/campaigns"));
    }

    [Fact]
    public void Sender_and_conversation_ids_complete_from_the_live_lists()
    {
        using var session = PsSession.ConnectedTo(_sandbox);
        var senders = Complete(session, "Send-SpMessage -SenderId sender_b");
        Assert.StartsWith("sender_ben|", Assert.Single(senders));
        Assert.Contains("(active)", senders[0]);

        var conversations = Complete(session, "Get-SpMessage -SenderId sender_ann -ConversationId ");
        Assert.True(conversations.Count >= 10, $"{conversations.Count} conversations offered");
    }

    [Fact]
    public void Status_parameters_offer_the_known_values_without_a_request()
    {
        using var session = PsSession.ConnectedTo(_sandbox);
        _sandbox.ClearRequests();
        Assert.Equal(new[] { "rate_limited|rate_limited" }, Complete(session, "Get-SpSender -Status ra"));
        Assert.Contains("MEETING_COMPLETE_NOT_CLOSED|MEETING_COMPLETE_NOT_CLOSED", Complete(session, "Set-SpLeadStatus -LeadId lead_1 -CustomLeadStatus MEETING_C"));
        Assert.Equal(0, _sandbox.CountRequests("GET", "*"));
    }

    [Fact]
    public void Without_a_connection_completion_offers_nothing_and_never_throws()
    {
        Environment.SetEnvironmentVariable("SENDPILOT_API_KEY", null);
        using var session = new PsSession();
        Assert.Empty(Complete(session, "Get-SpCampaign -Id camp_"));
    }
}
