using System.Management.Automation;
using System.Text.Json;
using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests;

/// <summary>
/// Never twice, across runs: the send log (one per test, in its own folder) is consulted before each send and
/// written before each request leaves. The sandbox's request log is the witness of what was sent.
/// </summary>
public class OutreachLedgerTests : SandboxSessionTest
{
    private readonly string _folder;

    public OutreachLedgerTests(SandboxFixture fixture) : this(fixture, TestLedger.NewFolder()) { }

    private OutreachLedgerTests(SandboxFixture fixture, string folder) : base(fixture, $"-LedgerPath '{folder}'") => _folder = folder;

    private string LedgerFile => Path.Combine(_folder, "sendlog-ws_sandbox.jsonl");

    private const string Rows = """
        $rows = 'ann-one', 'bob-two', 'cy-three' | ForEach-Object { [pscustomobject]@{ linkedinUrl = "https://www.linkedin.com/in/$_"; firstName = $_.Split('-')[0] } }

        """;

    private const string SendRows = "$rows | Send-SpMessage -Message 'Hi {{firstName}}' -SenderId sender_ann";

    private static string Id(ErrorRecord e) => e.FullyQualifiedErrorId.Split(',')[0];

    private int PostsTo(string slug) => Sandbox.Requests.Count(r => r.Method == "POST" && r.Path.StartsWith("/inbox/") && r.Body!.Contains(slug));

    [Fact]
    public void The_same_pipeline_run_twice_sends_once()
    {
        Assert.Equal(3, Session.Run(Rows + SendRows).ThrowIfFailed().Output.Count);

        var again = Session.Run(Rows + SendRows);

        Assert.Empty(again.Output);
        Assert.Equal(3, again.Errors.Count);
        Assert.All(again.Errors, e =>
        {
            Assert.Equal("SendPilot.AlreadySent", Id(e));
            Assert.Equal(ErrorCategory.ResourceExists, e.CategoryInfo.Category);
            Assert.Contains("was already sent to them on", e.ErrorDetails.Message);
            Assert.Contains("from sender_ann", e.ErrorDetails.Message);
            Assert.Contains("-Force", e.ErrorDetails.Message);
        });
        Assert.Equal("https://www.linkedin.com/in/bob-two", ((PSObject)again.Errors[1].TargetObject).P("linkedinUrl"));
        Assert.Contains("input row 2", again.Errors[1].ErrorDetails.Message);
        Assert.Equal(3, Sandbox.CountRequests("POST", "/inbox/send"));
        Assert.Equal(3, Sandbox.State.Inbox.SentMessages.Count);
    }

    [Fact]
    public void Force_sends_again_and_is_logged_like_any_send()
    {
        Session.Run(Rows + SendRows).ThrowIfFailed();

        Assert.Equal(3, Session.Run(Rows + SendRows + " -Force").ThrowIfFailed().Output.Count);
        Assert.Equal(3, Session.Run(Rows + SendRows).Errors.Count(e => Id(e) == "SendPilot.AlreadySent"));

        Assert.Equal(6, Sandbox.CountRequests("POST", "/inbox/send"));
        Assert.Equal(6, Session.Run("Get-SpSendLog -Status sent").ThrowIfFailed().Output.Count);
    }

    [Fact]
    public void WhatIf_says_which_items_the_log_would_skip_and_sends_nothing()
    {
        var host = new CapturingHost();
        using var session = PsSession.ConnectedTo(Sandbox, $"-LedgerPath '{_folder}'", host);
        session.Run("[pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/ann-one'; firstName = 'ann' } | Send-SpMessage -Message 'Hi {{firstName}}' -SenderId sender_ann").ThrowIfFailed();
        Sandbox.ClearRequests();

        session.Run(Rows + SendRows + " -WhatIf").ThrowIfFailed();

        Assert.Empty(Sandbox.Requests);
        Assert.Matches(@"What if: Send message to https://www\.linkedin\.com/in/ann-one: would skip: already sent on \d{4}-\d\d-\d\d \d\d:\d\d UTC from sender_ann", host.Text);
        Assert.Contains("What if: Send message to https://www.linkedin.com/in/bob-two from sender_ann: \"Hi bob\"", host.Text);
    }

    [Fact]
    public void Ctrl_C_with_a_message_in_flight_then_a_rerun_skips_the_sent_and_the_unknown_and_sends_the_rest()
    {
        const string Leads = "'lead_3', 'lead_4', 'lead_5', 'lead_6' | ForEach-Object { [pscustomobject]@{ LeadId = $_ } } | Send-SpMessage -Message 'Hello {{firstName}}' -SenderId sender_ann";
        Sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/inbox/send/lead/lead_4", DelayMs = 60_000, Count = 1 });

        var (shell, pending) = Session.Start(Leads);
        using (shell)
        {
            Assert.True(SpinWait.SpinUntil(FaultConsumed, TimeSpan.FromSeconds(30)), "lead_4's request never reached the sandbox");
            shell.Stop(); // what Ctrl+C does
            Assert.Throws<PipelineStoppedException>(() => shell.EndInvoke(pending));
        }
        SpinWait.SpinUntil(() => Sandbox.CountRequests("POST", "/inbox/send/lead/lead_4") == 1, TimeSpan.FromSeconds(10));
        var unknown = Assert.Single(Session.Run("Get-SpSendLog -Status unknown").ThrowIfFailed().Output);
        Assert.Equal("lead_4", unknown.P("LeadId"));

        var rerun = Session.Run(Leads);

        Assert.Equal(new object[] { "lead_5", "lead_6" }, rerun.Output.Select(o => o.P("LeadId")));
        Assert.Equal(2, rerun.Errors.Count);
        Assert.All(rerun.Errors, e => Assert.Equal("SendPilot.AlreadySent", Id(e)));
        Assert.Contains("was already sent", rerun.Errors[0].ErrorDetails.Message);
        Assert.Contains("lead lead_4", rerun.Errors[1].ErrorDetails.Message);
        Assert.Contains("its outcome is unknown", rerun.Errors[1].ErrorDetails.Message);
        Assert.Contains($"Set-SpSendLog -Id {unknown.P("Id")} -Status sent", rerun.Errors[1].ErrorDetails.Message);
        foreach (string lead in new[] { "lead_3", "lead_4", "lead_5", "lead_6" })
            Assert.Equal(1, Sandbox.CountRequests("POST", "/inbox/send/lead/" + lead));
    }

    private bool FaultConsumed()
    {
        using var http = new HttpClient();
        using var faults = JsonDocument.Parse(http.GetStringAsync(new Uri(Sandbox.RootUri, "_admin/faults")).GetAwaiter().GetResult());
        return faults.RootElement.GetProperty("faults").GetArrayLength() == 0;
    }

    [Fact]
    public void An_unknown_outcome_blocks_the_rerun_until_the_truth_is_recorded()
    {
        Sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/inbox/send", Status = 500 });
        var first = Session.Run(Rows + SendRows);
        var unknown = Assert.Single(first.Errors);
        Assert.Equal("SendPilot.DeliveryUnknown", Id(unknown));
        Assert.Matches(@"Set-SpSendLog -Id sl_[0-9a-f]{16} -Status sent \(or notsent\)", unknown.ErrorDetails.Message);

        var rerun = Session.Run(Rows + SendRows);
        Assert.Equal(3, rerun.Errors.Count(e => Id(e) == "SendPilot.AlreadySent"));
        Assert.Contains("its outcome is unknown", rerun.Errors[0].ErrorDetails.Message);
        Assert.Equal(1, PostsTo("ann-one"));

        Session.Run("Get-SpSendLog -Status unknown | Set-SpSendLog -Status notsent -Reason 'checked the conversation'").ThrowIfFailed();
        var resent = Session.Run(Rows + SendRows);

        Assert.Equal("https://www.linkedin.com/in/ann-one", Assert.Single(resent.Output).P("RecipientLinkedinUrl"));
        Assert.Equal(2, resent.Errors.Count(e => Id(e) == "SendPilot.AlreadySent"));
        Assert.Equal(2, PostsTo("ann-one"));
        Assert.Equal(1, PostsTo("bob-two"));
        var entries = Session.Run("Get-SpSendLog -Recipient https://www.linkedin.com/in/ann-one").ThrowIfFailed().Output;
        Assert.Equal(new object[] { "notsent", "sent" }, entries.Select(e => e.P("Status")));
        Assert.Equal("checked the conversation", entries[0].P("Reason"));
    }

    [Fact]
    public void A_torn_last_line_after_a_crash_is_survived()
    {
        Session.Run("[pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/ann-one'; firstName = 'ann' } | Send-SpMessage -Message 'Hi {{firstName}}' -SenderId sender_ann").ThrowIfFailed();
        File.AppendAllText(LedgerFile, "{\"t\":\"intent\",\"id\":\"sl_torn\",\"at\":\"2026-12-0");

        var result = Session.Run(Rows + SendRows);

        Assert.Equal("SendPilot.AlreadySent", Id(Assert.Single(result.Errors)));
        Assert.Equal(2, result.Output.Count);
        Assert.Equal(1, PostsTo("ann-one"));
        var log = Session.Run("Get-SpSendLog").ThrowIfFailed().Output;
        Assert.Equal(3, log.Count);
        Assert.All(log, e => Assert.Equal("sent", e.P("Status")));
        string[] lines = File.ReadAllLines(LedgerFile);
        Assert.Contains(lines, l => l.EndsWith("\"at\":\"2026-12-0")); // sealed as a line of its own, not glued to the next
        Assert.All(lines.Where(l => !l.EndsWith("2026-12-0")), l => JsonDocument.Parse(l).Dispose());
    }

    [Fact]
    public void The_log_file_is_readable_only_by_its_owner()
    {
        Session.Run("'https://www.linkedin.com/in/stranger-amy' | Request-SpConnection -SenderId sender_ann").ThrowIfFailed();

        // Windows keeps it in the user's own %LOCALAPPDATA%; the mode bits are a Unix matter.
        if (OperatingSystem.IsWindows()) return;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(LedgerFile));
    }

    [Fact]
    public void A_connection_request_is_skipped_whatever_its_note_and_no_ledger_means_no_memory()
    {
        Session.Run("'https://www.linkedin.com/in/stranger-amy' | Request-SpConnection -Message 'Hi' -SenderId sender_ann").ThrowIfFailed();
        var again = Session.Run("'https://www.linkedin.com/in/stranger-amy' | Request-SpConnection -Message 'Another note' -SenderId sender_ann");
        Assert.Equal("SendPilot.AlreadySent", Id(Assert.Single(again.Errors)));
        Assert.Contains("a connection request was already sent", again.Errors[0].ErrorDetails.Message);
        Assert.Equal("https://www.linkedin.com/in/stranger-amy", again.Errors[0].TargetObject.ToString());
        Assert.Equal(1, Sandbox.CountRequests("POST", "/inbox/connect"));

        using var unlogged = PsSession.ConnectedTo(Sandbox, "-NoLedger");
        unlogged.Run("'https://www.linkedin.com/in/stranger-bo' | Request-SpConnection -SenderId sender_ann").ThrowIfFailed();
        unlogged.Run("'https://www.linkedin.com/in/stranger-bo' | Request-SpConnection -SenderId sender_ann").ThrowIfFailed();
        Assert.Equal(3, Sandbox.CountRequests("POST", "/inbox/connect"));
        Assert.Equal("SendPilot.NoSendLog", Id(unlogged.Terminates("Get-SpSendLog")));
    }

    [Fact]
    public void Skip_if_contacted_within_skips_any_recent_message_whatever_its_text()
    {
        Session.Run(Rows + "$rows[0] | Send-SpMessage -Message 'Hi {{firstName}}' -SenderId sender_ann").ThrowIfFailed();

        var recent = Session.Run(Rows + "$rows | Send-SpMessage -Message 'News for you, {{firstName}}' -SenderId sender_ann -SkipIfContactedWithin ([timespan]::FromDays(7))");
        var error = Assert.Single(recent.Errors);
        Assert.Contains("a message was already sent to them on", error.ErrorDetails.Message);
        Assert.Contains("(within -SkipIfContactedWithin)", error.ErrorDetails.Message);
        Assert.Equal(2, recent.Output.Count);

        Assert.Single(Session.Run(Rows + "$rows[0] | Send-SpMessage -Message 'News for you, {{firstName}}' -SenderId sender_ann").ThrowIfFailed().Output);
        Assert.Equal(2, PostsTo("ann-one"));
    }

    [Fact]
    public void Get_SpSendLog_filters_by_status_action_lead_and_last()
    {
        Session.Run("""
            Send-SpMessage -LeadId lead_3 -Message 'Hi {{firstName}}' -SenderId sender_ann
            'https://www.linkedin.com/in/stranger-amy', 'https://www.linkedin.com/in/stranger-bo' | Request-SpConnection -SenderId sender_ann
            """).ThrowIfFailed();

        Assert.Equal("lead_3", Assert.Single(Session.Run("Get-SpSendLog -Action message").ThrowIfFailed().Output).P("LeadId"));
        Assert.Equal("lead_3", Assert.Single(Session.Run("[pscustomobject]@{ LeadId = 'lead_3' } | Get-SpSendLog").ThrowIfFailed().Output).P("LeadId"));
        var last = Assert.Single(Session.Run("Get-SpSendLog -Last 1").ThrowIfFailed().Output);
        Assert.Equal("https://www.linkedin.com/in/stranger-bo", last.P("RecipientLinkedinUrl"));
        Assert.StartsWith("conn_", (string)last.P("ReceiptId")!);
        Assert.Equal("SendPilot.Client.Ledger.SendLogEntry", last.TypeNames[0]);
        Assert.Equal(2, Session.Run("Get-SpSendLog -Recipient '*stranger*'").ThrowIfFailed().Output.Count);
        Assert.Empty(Session.Run("Get-SpSendLog -Status unknown").ThrowIfFailed().Output);
    }

    [Fact]
    public void Pruning_by_age_removes_old_entries_and_they_no_longer_block()
    {
        Session.Run(Rows + SendRows).ThrowIfFailed();
        Session.Run("Set-SpSendLog -RemoveOlderThan ([timespan]::FromDays(1))").ThrowIfFailed();
        Assert.Equal(3, Session.Run("Get-SpSendLog").ThrowIfFailed().Output.Count);

        Session.Run("Set-SpSendLog -RemoveOlderThan ([timespan]::Zero)").ThrowIfFailed();
        Assert.Empty(Session.Run("Get-SpSendLog").ThrowIfFailed().Output);
        Assert.Equal(3, Session.Run(Rows + SendRows).ThrowIfFailed().Output.Count);
        Assert.Equal(6, Sandbox.CountRequests("POST", "/inbox/send"));
    }

    [Fact]
    public void Without_ledger_path_the_log_goes_to_the_folder_in_SENDPILOT_LEDGER_PATH()
    {
        string folder = Environment.GetEnvironmentVariable("SENDPILOT_LEDGER_PATH")!;
        using var session = new PsSession();
        session.Run($"Connect-SpAccount -ApiKey $key -BaseUri '{Sandbox.BaseUri}'", new System.Collections.Hashtable { ["key"] = Sandbox.ApiKey }).ThrowIfFailed();
        session.Run("'https://www.linkedin.com/in/stranger-env-check' | Request-SpConnection -SenderId sender_ann").ThrowIfFailed();

        Assert.Contains("stranger-env-check", File.ReadAllText(Path.Combine(folder, "sendlog-ws_sandbox.jsonl")));
        Assert.DoesNotContain("stranger-env-check", File.Exists(LedgerFile) ? File.ReadAllText(LedgerFile) : "");
    }
}
