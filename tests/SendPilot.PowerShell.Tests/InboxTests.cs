using System.Management.Automation;
using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests;

/// <summary>Get-SpSender, Get-SpSenderQuota, Get-SpCredit, Get-SpConversation and Get-SpMessage against the sandbox.</summary>
public class InboxTests : SandboxSessionTest
{
    public InboxTests(SandboxFixture fixture) : base(fixture) { }

    [Fact]
    public void Senders_list_with_status_filter_and_premium_flag()
    {
        var all = Session.Run("Get-SpSender").ThrowIfFailed().Output;
        Assert.Equal(new object[] { "sender_ann", "sender_ben", "sender_cho", "sender_dee" }, all.Select(s => s.P("Id")));
        Assert.Equal("SendPilot.Client.Models.Sender", all[0].TypeNames[0]);
        Assert.Equal(true, all[0].P("IsPremium"));
        Assert.Equal(false, all[1].P("IsPremium"));
        Assert.Equal("https://www.linkedin.com/in/ann-archer", all[0].P("LinkedinUrl"));

        var active = Session.Run("Get-SpSender -Status Active").ThrowIfFailed().Output;
        Assert.Equal(new object[] { "sender_ann", "sender_ben" }, active.Select(s => s.P("SenderId")));
        var unusable = Session.Run("Get-SpSender rate_limited, disconnected").ThrowIfFailed().Output;
        Assert.Equal(new object[] { "rate_limited", "disconnected" }, unusable.Select(s => s.P("Status")));
    }

    [Fact]
    public void Quotas_per_sender_count_down_after_a_send_and_the_raw_answer_is_one_Invoke_SpApi_away()
    {
        Session.Run("Send-SpMessage -RecipientLinkedinUrl https://www.linkedin.com/in/quota-check -Message 'Hi' -SenderId sender_ann").ThrowIfFailed();
        Sandbox.ClearRequests();

        var quotas = Session.Run("Get-SpSender -Status active | Get-SpSenderQuota").ThrowIfFailed().Output;

        Assert.Equal(new object[] { "sender_ann", "sender_ben" }, quotas.Select(q => q.P("SenderId")));
        var ann = quotas[0];
        Assert.Equal(99L, ann.P("MessagesRemaining"));
        Assert.Equal(100L, ann.P("MessagesLimit"));
        Assert.Equal(1L, ann.P("MessagesUsed"));
        Assert.Equal(30L, ann.P("ConnectionsRemaining"));
        Assert.Equal(30L, ann.P("ConnectionsLimit"));
        Assert.IsType<DateTimeOffset>(ann.P("ResetsAt"));
        Assert.Null(ann.Properties["Raw"]);
        Assert.Null(ann.Properties["RawJson"]);
        Assert.Equal(2L, quotas[1].P("MessagesRemaining"));
        Assert.Equal(1, Sandbox.CountRequests("GET", "/senders/quotas"));

        // The answer as SendPilot sent it (with fields the model does not read) is one documented call away.
        var raw = Assert.Single(Session.Run("(Invoke-SpApi GET /senders/quotas).quotas | Where-Object senderId -eq sender_ann").ThrowIfFailed().Output);
        Assert.Equal(50, ((PSObject)raw.P("likes")!).P("limit"));
    }

    [Fact]
    public void Credits_read_the_same_in_both_api_generations()
    {
        var current = Assert.Single(Session.Run("Get-SpCredit").ThrowIfFailed().Output);
        var c = Sandbox.State.Credits;
        Assert.Equal("SendPilot.Client.Models.CreditBalance", current.TypeNames[0]);
        Assert.Equal((long)c.Available, current.P("Available"));
        Assert.Equal((long)c.Used, current.P("Used"));
        Assert.Equal((long)c.Subscription, current.P("Subscription"));
        Assert.Equal((long)c.Purchased, current.P("Purchased"));
        Assert.NotNull(current.P("NextResetDate"));
        Assert.Null(current.P("LeadDatabaseAvailable"));

        using var legacy = new PsSession();
        legacy.Run($"Connect-SpAccount -ApiKey '{Sandbox.ApiKey}' -BaseUri '{Sandbox.LegacyBaseUri}'").ThrowIfFailed();
        var old = Assert.Single(legacy.Run("Get-SpCredit").ThrowIfFailed().Output);
        Assert.Equal((long)c.Available, old.P("Available"));
        Assert.Equal(current.P("NextResetDate"), old.P("NextResetDate"));
        Assert.Equal(250L, old.P("LeadDatabaseAvailable"));
        Assert.Equal(300L, old.P("LeadDatabaseLimit"));
    }

    [Fact]
    public void Conversations_stream_across_continuation_pages_of_20()
    {
        var result = Session.Run("Get-SpConversation -SenderId sender_ann").ThrowIfFailed();

        Assert.Equal(45, result.Output.Count);
        Assert.Equal(45, result.Output.Select(c => c.P("Id")).Distinct().Count());
        Assert.Equal("SendPilot.Client.Models.Conversation", result.Output[0].TypeNames[0]);
        Assert.All(result.Output, c => Assert.Equal("sender_ann", c.P("SenderId")));
        var pages = Sandbox.Requests.Where(r => r.Path == "/inbox/conversations").ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Contains("limit=20", p.Query));
        Assert.All(pages, p => Assert.Contains("accountId=sender_ann", p.Query));
        Assert.DoesNotContain("continuationToken", pages[0].Query);
        Assert.Contains("continuationToken=", pages[1].Query);
        Assert.Contains("continuationToken=", pages[2].Query);
        var newest = result.Output.Select(c => (DateTimeOffset)c.P("LastMessageAt")!).ToList();
        Assert.Equal(newest.OrderByDescending(d => d), newest);
    }

    [Fact]
    public void First_stops_reading_early_and_skip_passes_over()
    {
        var first = Session.Run("Get-SpConversation -AccountId sender_ann -First 5").ThrowIfFailed();
        Assert.Equal(5, first.Output.Count);
        Assert.Equal(1, Sandbox.CountRequests("GET", "/inbox/conversations"));

        var all = Session.Run("Get-SpConversation -SenderId sender_ann").ThrowIfFailed().Output.Select(c => c.P("Id")).ToList();
        Sandbox.ClearRequests();
        var window = Session.Run("Get-SpConversation -SenderId sender_ann -Skip 18 -First 4").ThrowIfFailed();
        Assert.Equal(all.Skip(18).Take(4), window.Output.Select(c => c.P("Id")));
        Assert.Equal(2, Sandbox.CountRequests("GET", "/inbox/conversations"));

        var counted = Session.Run("$r = Get-SpConversation -SenderId sender_ann -First 1 -IncludeTotalCount; $r.Count; $r[0].ToString()").ThrowIfFailed();
        Assert.Equal(2, counted.Output[0].BaseObject);
        Assert.StartsWith("Unknown total count", counted.Output[1].ToString());
    }

    [Fact]
    public void Conversations_pipe_into_messages_and_first_applies_per_conversation()
    {
        var result = Session.Run("Get-SpConversation -SenderId sender_ann -First 3 | Get-SpMessage -First 2").ThrowIfFailed();
        var conversations = Session.Run("Get-SpConversation -SenderId sender_ann -First 3").ThrowIfFailed().Output.Select(c => c.P("Id")).ToList();

        Assert.Equal(6, result.Output.Count);
        Assert.Equal("SendPilot.Client.Models.InboxMessage", result.Output[0].TypeNames[0]);
        Assert.Equal(conversations.SelectMany(id => new[] { id, id }), result.Output.Select(m => m.P("ConversationId")));
        Assert.All(result.Output, m => Assert.Contains((string)m.P("Direction")!, new[] { "inbound", "outbound" }));
        Assert.All(Sandbox.Requests.Where(r => r.Path.EndsWith("/messages")), r => Assert.Contains("accountId=sender_ann", r.Query));
    }

    [Fact]
    public void Messages_of_a_long_conversation_come_across_pages_including_sent_ones()
    {
        Session.Run("""
            1..22 | ForEach-Object { [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/pat-pages'; n = "$_" } } |
                Send-SpMessage -Message 'Note {{n}}' -SenderId sender_ann
            """).ThrowIfFailed();
        Sandbox.ClearRequests();

        var conversation = Assert.Single(Session.Run("Get-SpConversation -SenderId sender_ann -First 1").ThrowIfFailed().Output);
        Assert.Contains("pat-pages", (string)conversation.P("ParticipantLinkedinUrl")!);
        Session.SetVariable("conversation", conversation);
        var messages = Session.Run("$conversation | Get-SpMessage").ThrowIfFailed().Output;

        Assert.Equal(22, messages.Count);
        Assert.Equal("Note 22", messages[0].P("Text"));
        Assert.Equal("Note 1", messages[21].P("Text"));
        Assert.Equal(2, Sandbox.CountRequests("GET", "/inbox/conversations/*/messages"));
    }

    [Fact]
    public void An_unknown_conversation_is_a_non_terminating_not_found()
    {
        var result = Session.Run("""
            [pscustomobject]@{ ConversationId = '2-nope'; AccountId = 'sender_ann' } | Get-SpMessage
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("SendPilot.ConversationNotFound", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("2-nope", error.TargetObject);
    }
}
