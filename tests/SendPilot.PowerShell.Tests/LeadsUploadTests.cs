using System.Management.Automation;
using System.Text.Json;
using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests;

/// <summary>Add-SpLead against the sandbox: batching, column handling, validation and exact accounting.</summary>
public class LeadsUploadTests : SandboxSessionTest
{
    public LeadsUploadTests(SandboxFixture fixture) : base(fixture, "-MaximumRetryCount 2") { }

    /// <summary>Import-Csv-shaped rows: every value a string.</summary>
    private static string Rows(int count, string prefix = "bulk") =>
        $"1..{count} | ForEach-Object {{ [pscustomobject]@{{ linkedinUrl = \"https://www.linkedin.com/in/{prefix}-$_\"; firstName = \"First$_\"; company = 'Acme' }} }}";

    private List<JsonElement> PostedBatches() =>
        Sandbox.Requests.Where(r => r.Method == "POST" && r.Path == "/leads")
            .Select(r => JsonDocument.Parse(r.Body!).RootElement.Clone()).ToList();

    private static void AssertAccounted(PSObject summary)
    {
        long Get(string name) => Convert.ToInt64(summary.P(name));
        Assert.Equal(Get("Submitted"), Get("Added") + Get("DuplicatesSkipped") + Get("Invalid") + Get("Failed"));
    }

    private static int Num(object? value) => Convert.ToInt32(value is PSObject ps ? ps.BaseObject : value);

    private static string Id(ErrorRecord error) => error.FullyQualifiedErrorId.Split(',')[0];

    [Fact]
    public void Rows_1050_go_in_11_requests_of_at_most_100()
    {
        var result = Session.Run(Rows(1050) + " | Add-SpLead -CampaignId camp_xyz789").ThrowIfFailed();

        var summary = Assert.Single(result.Output);
        Assert.Equal("SendPilot.Client.Models.LeadUploadSummary", summary.TypeNames[0]);
        Assert.Equal(1050L, summary.P("Submitted"));
        Assert.Equal(1050L, summary.P("Added"));
        Assert.Equal(11, summary.P("Batches"));
        AssertAccounted(summary);
        var batches = PostedBatches();
        Assert.Equal(11, batches.Count);
        Assert.All(batches, b => Assert.InRange(b.GetProperty("leads").GetArrayLength(), 1, 100));
        Assert.Equal(1050, batches.Sum(b => b.GetProperty("leads").GetArrayLength()));
        Assert.Equal(1050 + 120, Sandbox.State.Leads.Count("camp_xyz789"));
        Assert.Contains(result.Progress, p => p.RecordType == ProgressRecordType.Completed);
    }

    [Fact]
    public void Batches_waiting_for_a_slot_at_the_end_of_input_are_all_sent()
    {
        Sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/leads", DelayMs = 100, Count = 0 });
        var result = Session.Run(Rows(95, "queued") + " | Add-SpLead -CampaignId camp_xyz789 -BatchSize 10 -ThrottleLimit 2").ThrowIfFailed();

        var summary = Assert.Single(result.Output);
        Assert.Equal(95L, summary.P("Added"));
        Assert.Equal(10, summary.P("Batches"));
        Assert.Equal(10, Sandbox.CountRequests("POST", "/leads"));
    }

    [Fact]
    public void The_upload_starts_before_the_input_ends()
    {
        // Row 31 is held back until the sandbox has stored a batch: an upload that waited for the end of the
        // input would never send one, and the wait would run out.
        Session.SetVariable("firstBatchStored", new Func<bool>(() =>
            SpinWait.SpinUntil(() => Sandbox.State.Leads.Count("camp_xyz789") >= 120 + 10, TimeSpan.FromSeconds(60))));
        var script = """
            $script:storedBeforeRow31 = $null
            1..50 | ForEach-Object {
                if ($_ -eq 31) { $script:storedBeforeRow31 = $firstBatchStored.Invoke() }
                [pscustomobject]@{ linkedinUrl = "https://www.linkedin.com/in/early-$_" }
            } | Add-SpLead -CampaignId camp_xyz789 -BatchSize 10 -ThrottleLimit 1
            [pscustomobject]@{ StoredBeforeRow31 = $script:storedBeforeRow31 }
            """;
        var result = Session.Run(script).ThrowIfFailed();

        Assert.Equal(50L, result.Output[0].P("Added"));
        Assert.Equal(true, result.Output[1].P("StoredBeforeRow31"));
    }

    [Fact]
    public void Custom_fields_go_flat_with_their_types_and_empty_cells_are_left_out()
    {
        var script = """
            [pscustomobject]@{ 'LinkedIn URL' = ' linkedin.com/in/Ann-Flat/?trk=abc#top '; 'First Name' = 'Ann'; last_name = ''; Company = '  ';
                               customScore = '85'; score = 42; ratio = 0.5; vip = $true; met = [datetime]::new(2024, 5, 1, 10, 0, 0, [DateTimeKind]::Utc) } |
                Add-SpLead -CampaignId camp_xyz789
            """;
        var summary = Assert.Single(Session.Run(script).ThrowIfFailed().Output);
        Assert.Equal(1L, summary.P("Added"));

        var lead = Assert.Single(PostedBatches()).GetProperty("leads")[0];
        var names = lead.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(new[] { "linkedinUrl", "firstName", "customScore", "score", "ratio", "vip", "met" }, names);
        Assert.Equal("https://www.linkedin.com/in/Ann-Flat", lead.GetProperty("linkedinUrl").GetString());
        Assert.Equal("Ann", lead.GetProperty("firstName").GetString());
        Assert.Equal(JsonValueKind.String, lead.GetProperty("customScore").ValueKind);
        Assert.Equal(42, lead.GetProperty("score").GetInt32());
        Assert.Equal(0.5, lead.GetProperty("ratio").GetDouble());
        Assert.Equal(JsonValueKind.True, lead.GetProperty("vip").ValueKind);
        Assert.Equal("2024-05-01T10:00:00Z", lead.GetProperty("met").GetString());

        // The custom fields come back as properties of the lead with -Full.
        var added = Session.Run("Get-SpLead -LeadId lead_145 -Full").ThrowIfFailed().Output.Single();
        Assert.Equal("85", added.P("customScore"));
        Assert.Equal(42, added.P("score"));
        Assert.Equal("lead_145", added.P("LeadId"));
        Assert.Equal("camp_xyz789", added.P("CampaignId"));
    }

    [Fact]
    public void Header_variants_and_property_map_name_the_same_fields()
    {
        var script = """
            @(
                [pscustomobject]@{ 'Profile URL' = 'https://www.linkedin.com/in/v1'; 'FIRST NAME' = 'A'; 'last-name' = 'B'; TITLE = 'CTO'; 'E_mail' = 'a@x.io' }
                [pscustomobject]@{ linkedin = 'http://uk.linkedin.com/in/v2/'; first_name = 'C'; Given = 'ignored-by-map'; Secret = 'drop me' }
                [pscustomobject]@{ linkedInProfileUrl = 'www.linkedin.com/in/v3'; Given = 'D' }
                @{ 'LinkedIn-URL' = 'https://linkedin.com/in/v4'; 'Company' = 'E' }
            ) | Add-SpLead -CampaignId camp_xyz789 -PropertyMap @{ given = 'firstName'; secret = '' }
            """;
        var summary = Assert.Single(Session.Run(script).ThrowIfFailed().Output);
        Assert.Equal(4L, summary.P("Added"));

        var leads = Assert.Single(PostedBatches()).GetProperty("leads").EnumerateArray().ToList();
        Assert.Equal(new[] { "v1", "v2", "v3", "v4" }.Select(s => "https://www.linkedin.com/in/" + s),
            leads.Select(l => l.GetProperty("linkedinUrl").GetString()));
        Assert.Equal("A", leads[0].GetProperty("firstName").GetString());
        Assert.Equal("B", leads[0].GetProperty("lastName").GetString());
        Assert.Equal("CTO", leads[0].GetProperty("title").GetString());
        Assert.Equal("a@x.io", leads[0].GetProperty("email").GetString());
        Assert.Equal("C", leads[1].GetProperty("firstName").GetString());   // first_name wins over the mapped Given that follows it
        Assert.False(leads[1].TryGetProperty("Secret", out _));
        Assert.Equal("D", leads[2].GetProperty("firstName").GetString());
        Assert.Equal("E", leads[3].GetProperty("company").GetString());
    }

    [Fact]
    public void Invalid_and_duplicate_rows_are_counted_exactly_and_errors_carry_the_row()
    {
        var script = """
            $rows = @(
                [pscustomobject]@{ n = 1; linkedinUrl = 'https://www.linkedin.com/in/good-1' }
                [pscustomobject]@{ n = 2; linkedinUrl = 'https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH' }
                [pscustomobject]@{ n = 3; linkedinUrl = 'https://www.linkedin.com/in/ACoAAB1234567' }
                [pscustomobject]@{ n = 4; linkedinUrl = '' ; firstName = 'NoUrl' }
                [pscustomobject]@{ n = 5; linkedinUrl = 'https://www.linkedin.com/in/good-2'; tags = @('a', 'b') }
                [pscustomobject]@{ n = 6; linkedinUrl = 'https://example.com/in/someone' }
                [pscustomobject]@{ n = 7; linkedinUrl = 'HTTPS://WWW.LINKEDIN.COM/in/GOOD-1/' }
                [pscustomobject]@{ n = 8; linkedinUrl = 'https://www.linkedin.com/in/good-3' }
            )
            $rows | Add-SpLead -CampaignId camp_xyz789 -ErrorVariable bad -ErrorAction SilentlyContinue
            $bad | ForEach-Object { [pscustomobject]@{ Id = $_.FullyQualifiedErrorId; Row = $_.TargetObject.n; Message = $_.Exception.Message } }
            """;
        var result = Session.Run(script);
        var summary = result.Output.Single(o => o.TypeNames[0].EndsWith("LeadUploadSummary"));
        Assert.Equal(8L, summary.P("Submitted"));
        Assert.Equal(2L, summary.P("Added"));
        Assert.Equal(1L, summary.P("DuplicatesSkipped"));
        Assert.Equal(5L, summary.P("Invalid"));
        Assert.Equal(0L, summary.P("Failed"));
        AssertAccounted(summary);

        var errors = result.Output.Where(o => o.P("Row") != null).ToList();
        Assert.Equal(new[] { 2, 3, 4, 5, 6 }, errors.Select(e => Num(e.P("Row"))));
        Assert.All(errors, e => Assert.StartsWith("SendPilot.LeadRejected", (string)e.P("Id")!));
        string Message(int row) => (string)errors.Single(e => Num(e.P("Row")) == row).P("Message")!;
        Assert.Contains("Sales Navigator", Message(2));
        Assert.Contains("ACoAA", Message(3));
        Assert.Contains("linkedinUrl is required", Message(4));
        Assert.Contains("'tags'", Message(5));
        Assert.Contains("not a LinkedIn profile URL", Message(6));
        Assert.Equal(2, PostedBatches().Single().GetProperty("leads").GetArrayLength());

        // Duplicates become error records only at Verbose.
        Sandbox.Reset();
        var verbose = Session.Run(script.Replace("-ErrorVariable bad", "-Verbose -ErrorVariable bad"));
        var duplicate = verbose.Output.Where(o => o.P("Row") != null).Single(e => ((string)e.P("Id")!).StartsWith("SendPilot.LeadDuplicate"));
        Assert.Equal(7, Num(duplicate.P("Row")));
    }

    [Fact]
    public void The_apis_errors_are_mapped_back_to_the_rows_they_name()
    {
        // A blank slug passes the module's shape check; the API refuses it and names its index in the batch.
        var script = """
            $rows = 1..6 | ForEach-Object { [pscustomobject]@{ n = $_; linkedinUrl = "https://www.linkedin.com/in/mapped-$_" } }
            $rows[1].linkedinUrl = 'https://www.linkedin.com/in/%20'
            $rows[3].linkedinUrl = 'https://www.linkedin.com/in/%09'
            $rows | Add-SpLead -CampaignId camp_xyz789 -BatchSize 2 -ThrottleLimit 1 -ErrorVariable bad -ErrorAction SilentlyContinue
            $bad | ForEach-Object { [pscustomobject]@{ Id = $_.FullyQualifiedErrorId; Row = $_.TargetObject.n; Message = $_.Exception.Message } }
            """;
        var result = Session.Run(script);
        var summary = result.Output.Single(o => o.TypeNames[0].EndsWith("LeadUploadSummary"));
        Assert.Equal(6L, summary.P("Submitted"));
        Assert.Equal(4L, summary.P("Added"));
        Assert.Equal(2L, summary.P("Invalid"));
        Assert.Equal(3, summary.P("Batches"));
        AssertAccounted(summary);

        var errors = result.Output.Where(o => o.P("Row") != null).OrderBy(o => Num(o.P("Row"))).ToList();
        Assert.Equal(new[] { 2, 4 }, errors.Select(e => Num(e.P("Row"))));
        Assert.All(errors, e => Assert.StartsWith("SendPilot.LeadRejected", (string)e.P("Id")!));
        Assert.All(errors, e => Assert.Contains("linkedinUrl must be a LinkedIn profile URL", (string)e.P("Message")!));
    }

    [Fact]
    public void A_500_on_one_batch_is_retried_and_nothing_is_lost()
    {
        Sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/leads", Status = 500, Count = 1 });
        var result = Session.Run(Rows(250, "retry") + " | Add-SpLead -CampaignId camp_xyz789 -ThrottleLimit 1").ThrowIfFailed();

        var summary = Assert.Single(result.Output);
        Assert.Equal(250L, summary.P("Added"));
        Assert.Equal(0L, summary.P("Failed"));
        Assert.Equal(3, summary.P("Batches"));
        Assert.Equal(4, Sandbox.CountRequests("POST", "/leads"));
        Assert.Equal(120 + 250, Sandbox.State.Leads.Count("camp_xyz789"));
        // A 500 may have been processed: the summary says so instead of guessing.
        Assert.Equal(1, summary.P("UncertainBatches"));
        Assert.Contains("outcome is unknown", (string)summary.P("Note")!);
    }

    [Fact]
    public void A_batch_processed_before_its_answer_was_lost_shows_up_as_duplicates_with_a_note()
    {
        Sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/leads", Status = 502, Count = 1, ProcessFirst = true });
        var summary = Assert.Single(Session.Run(Rows(30, "lost") + " | Add-SpLead -CampaignId camp_xyz789").ThrowIfFailed().Output);

        Assert.Equal(0L, summary.P("Added"));
        Assert.Equal(30L, summary.P("DuplicatesSkipped"));
        Assert.Equal(1, summary.P("UncertainBatches"));
        Assert.Contains("DuplicatesSkipped may include leads this upload added", (string)summary.P("Note")!);
        Assert.Equal(120 + 30, Sandbox.State.Leads.Count("camp_xyz789"));
    }

    [Fact]
    public void A_batch_failing_for_good_marks_its_rows_failed_and_the_others_are_added()
    {
        Sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/leads", Status = 503, Count = 3, Message = "Service Unavailable" });
        var script = Rows(300, "fail") + """
             | Add-SpLead -CampaignId camp_xyz789 -ThrottleLimit 1 -ErrorVariable bad -ErrorAction SilentlyContinue
            $bad | ForEach-Object { [pscustomobject]@{ Id = $_.FullyQualifiedErrorId; Url = $_.TargetObject.linkedinUrl; Category = $_.CategoryInfo.Category } }
            """;
        var result = Session.Run(script);
        var summary = result.Output.Single(o => o.TypeNames[0].EndsWith("LeadUploadSummary"));
        Assert.Equal(300L, summary.P("Submitted"));
        Assert.Equal(200L, summary.P("Added"));
        Assert.Equal(100L, summary.P("Failed"));
        AssertAccounted(summary);

        var failed = result.Output.Where(o => o.P("Url") != null).ToList();
        Assert.Equal(100, failed.Count);
        Assert.All(failed, f => Assert.StartsWith("SendPilot.LeadFailed", (string)f.P("Id")!));
        Assert.Equal(Enumerable.Range(1, 100).Select(i => $"https://www.linkedin.com/in/fail-{i}"), failed.Select(f => (string)f.P("Url")!));
        Assert.Equal(ErrorCategory.ResourceUnavailable, failed[0].P("Category"));
        Assert.Equal(120 + 200, Sandbox.State.Leads.Count("camp_xyz789"));
    }

    [Fact]
    public void An_unknown_campaign_stops_the_upload_and_reports_every_unsent_row()
    {
        var script = """
            $summaries = [System.Collections.Generic.List[object]]::new()
            try {
                1..35 | ForEach-Object { [pscustomobject]@{ linkedinUrl = "https://www.linkedin.com/in/nocamp-$_" } } |
                    Add-SpLead -CampaignId camp_nope -BatchSize 10 -ThrottleLimit 1 -ErrorVariable bad -ErrorAction SilentlyContinue |
                    ForEach-Object { $summaries.Add($_) }
            } catch { [pscustomobject]@{ Caught = $_ } }
            $summaries
            [pscustomobject]@{ NotSent = @($bad | Where-Object { $_.FullyQualifiedErrorId -like 'SendPilot.LeadNotSent*' }).Count; Targets = @($bad.TargetObject).Count }
            """;
        var result = Session.Run(script);
        var caught = (ErrorRecord)result.Output.Single(o => o.P("Caught") != null).P("Caught")!;
        Assert.Equal("SendPilot.LeadUploadStopped", Id(caught));
        Assert.Equal(ErrorCategory.ObjectNotFound, caught.CategoryInfo.Category);
        Assert.Contains("not sent", caught.ErrorDetails.Message);

        var summary = result.Output.Single(o => o.TypeNames[0].EndsWith("LeadUploadSummary"));
        AssertAccounted(summary);
        long submitted = (long)summary.P("Submitted")!;
        Assert.InRange(submitted, 10, 20);
        Assert.Equal(submitted, summary.P("Failed"));
        var counts = result.Output.Single(o => o.P("NotSent") != null);
        Assert.Equal((int)submitted, counts.P("NotSent"));
        Assert.Equal((int)submitted, counts.P("Targets"));
        Assert.Contains($"{submitted} row(s) were not sent", caught.ErrorDetails.Message);
        Assert.Equal(1, Sandbox.CountRequests("POST", "/leads"));
    }

    [Fact]
    public void Ctrl_C_stops_an_upload_waiting_on_slow_batches()
    {
        Sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/leads", DelayMs = 120_000, Count = 0 });
        var (shell, pending) = Session.Start(Rows(100, "stopped") + " | Add-SpLead -CampaignId camp_xyz789 -BatchSize 10 -ThrottleLimit 1");
        using (shell)
        {
            Assert.True(Sandbox.WaitForFaults(), "the first batch never reached the sandbox");
            shell.Stop();
            // Stopped while the sandbox still holds the batch: the stop did not wait for the answer.
            Assert.True(pending.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60)));
            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            Assert.Equal(0, Sandbox.State.Leads.Count("camp_xyz789") - 120);
        }
    }

    [Fact]
    public void A_read_only_key_stops_the_upload_with_permission_denied()
    {
        using var readOnly = new PsSession();
        readOnly.Run($"Connect-SpAccount -ApiKey 'sp_test_readonly_000000000000002' -BaseUri '{Sandbox.BaseUri}'").ThrowIfFailed();
        var error = readOnly.Terminates(Rows(5, "ro") + " | Add-SpLead -CampaignId camp_xyz789 -ErrorAction SilentlyContinue");

        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("5 row(s) were not sent", error.ErrorDetails.Message);
        Assert.Equal(120, Sandbox.State.Leads.Count("camp_xyz789"));
    }

    [Fact]
    public void WhatIf_validates_and_shows_batches_but_sends_nothing()
    {
        var script = Rows(150, "whatif") + """
             | Add-SpLead -CampaignId camp_xyz789 -WhatIf
            [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/sales/people/x' } | Add-SpLead -CampaignId camp_xyz789 -WhatIf
            """;
        var result = Session.Run(script);

        Assert.Empty(result.Output);
        Assert.Equal(0, Sandbox.CountRequests("POST", "/leads"));
        Assert.Equal("SendPilot.LeadRejected", Id(Assert.Single(result.Errors)));
        Assert.Equal(120, Sandbox.State.Leads.Count("camp_xyz789"));
    }

    [Fact]
    public void Rows_carrying_their_own_campaign_are_batched_per_campaign()
    {
        var script = """
            @(
                [pscustomobject]@{ campaignId = 'camp_xyz789'; linkedinUrl = 'https://www.linkedin.com/in/own-1' }
                [pscustomobject]@{ campaignId = 'camp_sbx_01'; linkedinUrl = 'https://www.linkedin.com/in/own-2' }
                @{ CampaignId = 'camp_sbx_01'; linkedinUrl = 'https://www.linkedin.com/in/own-3' }
                [pscustomobject]@{ campaignId = 'camp_xyz789'; linkedinUrl = 'https://www.linkedin.com/in/own-1' }
                [pscustomobject]@{ campaignId = 'camp_sbx_01'; linkedinUrl = 'https://www.linkedin.com/in/own-1' }
            ) | Add-SpLead
            """;
        var summaries = Session.Run(script).ThrowIfFailed().Output;

        Assert.Equal(new object[] { "camp_xyz789", "camp_sbx_01" }, summaries.Select(s => s.P("CampaignId")));
        Assert.Equal(new object[] { 1L, 3L }, summaries.Select(s => s.P("Added")));
        Assert.Equal(new object[] { 1L, 0L }, summaries.Select(s => s.P("DuplicatesSkipped")));
        var batches = PostedBatches();
        Assert.Equal(2, batches.Count);
        Assert.All(batches, b => Assert.All(b.GetProperty("leads").EnumerateArray(), l => Assert.False(l.TryGetProperty("campaignId", out _))));
        Assert.Equal(3 + 3, Sandbox.State.Leads.Count("camp_sbx_01"));
    }

    [Fact]
    public void An_array_given_to_InputObject_is_uploaded_row_by_row()
    {
        var script = "$rows = @(" + Rows(150, "param") + "); Add-SpLead -CampaignId camp_xyz789 -InputObject $rows";
        var summary = Assert.Single(Session.Run(script).ThrowIfFailed().Output);

        Assert.Equal(150L, summary.P("Submitted"));
        Assert.Equal(150L, summary.P("Added"));
        Assert.Equal(2, summary.P("Batches"));
    }

    [Fact]
    public void A_row_without_any_campaign_is_rejected()
    {
        var result = Session.Run("@{ linkedinUrl = 'https://www.linkedin.com/in/orphan' } | Add-SpLead");

        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("SendPilot.LeadRejected", Id(error));
        Assert.Contains("No campaign", error.Exception.Message);
        Assert.Equal(0, Sandbox.CountRequests("POST", "/leads"));
    }

    [Fact]
    public void Typed_objects_upload_too_so_leads_copy_between_campaigns()
    {
        var result = Session.Run("Get-SpLead -CampaignId camp_xyz789 | Add-SpLead -CampaignId camp_sbx_02").ThrowIfFailed();

        var summary = Assert.Single(result.Output);
        Assert.Equal(120L, summary.P("Added"));
        var original = Sandbox.State.Leads.Find("lead_1")!;
        var copy = PostedBatches().SelectMany(b => b.GetProperty("leads").EnumerateArray())
            .Single(l => l.GetProperty("linkedinUrl").GetString()!.EndsWith("/" + original.LinkedinUrl.Split('/').Last()));
        Assert.Equal(original.FirstName, copy.GetProperty("firstName").GetString());
    }

    [Fact]
    public void A_429_pauses_the_upload_for_its_retry_after()
    {
        Sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/leads", Status = 429, RetryAfter = "1", Count = 1 });
        var result = Session.Run(Rows(400, "paced") + " | Add-SpLead -CampaignId camp_xyz789 -ThrottleLimit 2 -Verbose").ThrowIfFailed();

        Assert.Equal(400L, result.Output.Single().P("Added"));
        Assert.Contains(result.Verbose, v => v.StartsWith("Retrying POST /leads in 1.0 s"));
        var posts = Sandbox.Requests.Where(r => r.Path == "/leads").ToList();
        var refused = posts.Single(r => r.Status == 429);
        // Requests that started after the 429 waited out its Retry-After, whichever worker sent them; with two
        // workers, at most the one request of the other worker was already on its way.
        var later = posts.Where(r => r.Sequence > refused.Sequence + 1).ToList();
        Assert.NotEmpty(later);
        Assert.All(later, r => Assert.True(r.Time >= refused.Time.AddSeconds(0.9), $"request {r.Sequence} at {r.Time:O} did not wait after the 429 at {refused.Time:O}"));
    }
}
