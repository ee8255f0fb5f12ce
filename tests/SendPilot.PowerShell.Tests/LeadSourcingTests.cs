using System.Management.Automation;
using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests;

/// <summary>The lead-sourcing cmdlets in-process against the sandbox: waiting, progress, failures, paging and its ceiling.</summary>
public class LeadSourcingTests : IClassFixture<SandboxFixture>, IDisposable
{
    private const string StatusPolls = "/lead-database/searches/*/status";
    private const string ResultPages = "/lead-database/searches/*/results";
    private readonly SandboxServer _sandbox;
    private readonly CapturingHost _host = new();
    private readonly PsSession _session;

    public LeadSourcingTests(SandboxFixture fixture)
    {
        _sandbox = fixture.Server;
        _sandbox.Reset();
        Timing(TimeSpan.Zero, TimeSpan.Zero);
        _session = PsSession.ConnectedTo(_sandbox, host: _host);
        _sandbox.ClearRequests();
    }

    public void Dispose() => _session.Dispose();

    private LeadSourcingSettings Settings => _sandbox.State.LeadSourcing.Settings;

    private void Timing(TimeSpan pending, TimeSpan processing)
    {
        Settings.PendingFor = pending;
        Settings.ProcessingFor = processing;
    }

    private string StartSearch(int limit) =>
        (string)_session.Run($"(Start-SpLeadSearch -Name 'Test search' -Limit {limit} -Filter @{{ job_titles = @('CTO') }}).Id").ThrowIfFailed().Output.Single().BaseObject;

    private List<string> Offsets() =>
        _sandbox.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/results"))
            .Select(r => r.Query.Split('&').Single(p => p.StartsWith("offset=") || p.StartsWith("?offset=")).Split('=')[1]).ToList();

    [Theory]
    [InlineData("integer")]
    [InlineData("object")]
    public void Waiting_shows_the_servers_own_percentage_in_either_progress_shape(string shape)
    {
        Settings.ProgressShape = shape;
        Timing(TimeSpan.Zero, TimeSpan.FromSeconds(4));

        // Started and waited for in one script, so the first poll comes while the search is still running.
        var result = _session.Run("Start-SpLeadSearch -Name 'Test search' -Limit 40 -Filter @{} | Wait-SpLeadSearch -PollIntervalSec 1").ThrowIfFailed();

        var job = result.Output.Single();
        var id = (string)job.P("Id")!;
        Assert.Equal("completed", job.P("Status"));
        Assert.Equal(100, PSObject.AsPSObject(job.P("Progress")!).P("Percent"));
        var polls = result.Progress.Where(p => p.RecordType == ProgressRecordType.Processing).ToList();
        Assert.True(polls.Count >= 2, $"{polls.Count} progress records");
        Assert.Equal(_sandbox.CountRequests("GET", StatusPolls), polls.Count);
        Assert.All(polls, p => Assert.Contains(id, p.Activity));
        var percents = polls.Select(p => p.PercentComplete).ToList();
        Assert.Equal(percents.OrderBy(p => p), percents);
        Assert.Equal(100, percents[^1]);
        Assert.Contains(percents, p => p < 100);
        if (shape == "object") Assert.Contains("of 40 found", polls[^1].StatusDescription);
        else Assert.Equal("completed: 100 %", polls[^1].StatusDescription);
        Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
    }

    [Fact]
    public void Start_with_Wait_writes_the_search_in_its_final_state_with_the_estimate_of_its_start()
    {
        var result = _session.Run("Start-SpLeadSearch -Name 'Waited' -Limit 30 -Filter @{ locations = @('Lisbon') } -Wait").ThrowIfFailed();

        var job = result.Output.Single();
        Assert.Equal("SendPilot.Client.Models.LeadSearchJob", job.TypeNames[0]);
        Assert.Equal("completed", job.P("Status"));
        Assert.Equal(30L, job.P("EstimatedQuota"));
        Assert.Equal(30L, job.P("TotalResults"));
        var calls = _sandbox.Requests.Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.Equal(new[] { "POST /lead-database/searches", $"GET /lead-database/searches/{job.P("Id")}/status" }, calls);
    }

    [Fact]
    public void A_failed_search_is_a_non_terminating_error_with_the_apis_error_message()
    {
        Settings.FailNextWith = "The lead database is being rebuilt";
        var id = StartSearch(10);

        var result = _session.Run($"Wait-SpLeadSearch -Id {id}, srch_nope; 'after'");

        Assert.Equal(new object[] { "after" }, result.Output.Select(o => o.BaseObject));
        Assert.Equal(2, result.Errors.Count);
        var failed = result.Errors[0];
        Assert.Equal("SendPilot.LeadSearchFailed", failed.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal($"Lead search {id} ('Test search') failed at SendPilot: The lead database is being rebuilt; check its settings and start it again with Start-SpLeadSearch.",
            failed.ErrorDetails.Message);
        Assert.Equal(id, PSObject.AsPSObject(failed.TargetObject).P("Id"));
        Assert.Equal("SendPilot.LeadSearchNotFound", result.Errors[1].FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("srch_nope", result.Errors[1].TargetObject);
        Assert.Equal(0, _sandbox.CountRequests("GET", ResultPages));
    }

    [Fact]
    public void A_429_while_polling_is_waited_out_and_the_wait_goes_on()
    {
        Timing(TimeSpan.Zero, TimeSpan.Zero);
        var id = StartSearch(10);
        // More 429s than the core retries (4): the waiter itself then pauses for Retry-After and polls again.
        _sandbox.InjectFault(new FaultRule { Method = "GET", Path = StatusPolls, Status = 429, RetryAfter = "1", Count = 6 });

        var result = _session.Run($"Wait-SpLeadSearch -Id {id} -PollIntervalSec 1 -Verbose").ThrowIfFailed();

        Assert.Equal("completed", result.Output.Single().P("Status"));
        var statuses = _sandbox.Requests.Where(r => r.Path.EndsWith("/status")).Select(r => r.Status).ToList();
        Assert.Equal(new[] { 429, 429, 429, 429, 429, 429, 200 }, statuses);
        Assert.Contains(result.Verbose, v => v.StartsWith($"Retrying GET /lead-database/searches/{id}/status in 1.0 s"));
    }

    [Fact]
    public void Results_over_several_pages_stream_in_order_with_each_page_asked_once()
    {
        var id = StartSearch(250);

        var result = _session.Run($"Get-SpLeadSearchResult -Id {id}").ThrowIfFailed();

        Assert.Equal(250, result.Output.Count);
        Assert.All(result.Output, r => Assert.Equal("SendPilot.Client.Models.LeadSearchResult", r.TypeNames[0]));
        var order = result.Output.Select(r => int.Parse(((string)r.P("LinkedinUrl")!).Split('x')[^1])).ToList();
        Assert.Equal(Enumerable.Range(1, 250), order);
        Assert.Equal(new[] { "0", "100", "200" }, Offsets().OrderBy(int.Parse));
        Assert.All(_sandbox.Requests.Where(r => r.Path.EndsWith("/results")), r => Assert.Contains("limit=100", r.Query));
        Assert.Equal("CTO", result.Output[0].P("Title"));
        Assert.Null(result.Output[0].Properties["id"]);
    }

    [Fact]
    public void First_and_Skip_read_only_the_pages_they_need()
    {
        var id = StartSearch(250);

        var first = _session.Run($"Get-SpLeadSearchResult -Id {id} -First 150").ThrowIfFailed();
        Assert.Equal(150, first.Output.Count);
        Assert.Equal(new[] { "0", "100" }, Offsets().OrderBy(int.Parse));

        _sandbox.ClearRequests();
        var window = _session.Run($"Get-SpLeadSearchResult -Id {id} -Skip 10 -First 5").ThrowIfFailed();
        Assert.Equal(Enumerable.Range(11, 5), window.Output.Select(r => int.Parse(((string)r.P("LinkedinUrl")!).Split('x')[^1])));
        var page = Assert.Single(_sandbox.Requests, r => r.Path.EndsWith("/results"));
        Assert.Contains("limit=5", page.Query);
        Assert.Contains("offset=10", page.Query);
    }

    [Fact]
    public void The_offset_ceiling_ends_the_results_with_a_clear_error_not_a_silent_stop()
    {
        _sandbox.State.SetAvailableCredits(20_000);
        var id = StartSearch(10_250);

        var result = _session.Run($"$n = 0; Get-SpLeadSearchResult -Id {id} | ForEach-Object {{ $n++ }}; $n");

        Assert.Equal(10_100, (int)result.Output.Single().BaseObject);
        var error = Assert.Single(result.Errors);
        Assert.Equal("SendPilot.LeadResultsCutOff", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
        Assert.Equal($"Lead search {id} ('Test search') has 10,250 results but SendPilot serves offsets up to 10,000 only, so those from offset 10,100 on were not read; narrow it (more filters, or one run per location) to read every result.",
            error.ErrorDetails.Message);
        Assert.Equal(101, Offsets().Count);
        Assert.Equal(10_000, Offsets().Max(int.Parse));
        Assert.All(_sandbox.Requests, r => Assert.NotEqual(400, r.Status));
    }

    [Fact]
    public void Results_of_a_search_still_running_are_an_error_with_its_status()
    {
        Timing(TimeSpan.Zero, TimeSpan.FromMinutes(5));
        Settings.ProgressShape = "integer";
        var id = StartSearch(10);

        var result = _session.Run($"Get-SpLeadSearchResult -Id {id}");

        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("SendPilot.LeadSearchNotCompleted", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Matches($@"^Lead search {id} \('Test search'\) is processing \(\d+ %\), so it has no results yet; wait for it with Wait-SpLeadSearch -Id {id} \| Get-SpLeadSearchResult\.$",
            error.ErrorDetails.Message);
        Assert.Equal(0, _sandbox.CountRequests("GET", ResultPages));
    }

    [Fact]
    public void Ctrl_C_stops_waiting_at_once_and_says_the_search_goes_on()
    {
        Timing(TimeSpan.Zero, TimeSpan.FromMinutes(5));
        var id = StartSearch(10);
        var (shell, pending) = _session.Start($"Wait-SpLeadSearch -Id {id} -PollIntervalSec 60");
        using (shell)
        {
            Assert.True(SpinWait.SpinUntil(() => _sandbox.CountRequests("GET", StatusPolls) >= 1, TimeSpan.FromSeconds(60)), "no poll reached the sandbox");
            shell.Stop();
            Assert.True(pending.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30)));
            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        }
        Assert.Equal(1, _sandbox.CountRequests("GET", StatusPolls));
        Assert.Contains($"Stopped waiting for lead search {id}; it goes on at SendPilot, so resume with Wait-SpLeadSearch -Id {id}.", _host.Text);
    }

    [Fact]
    public void Jobs_pipe_by_property_name_and_statuses_are_normalised()
    {
        Timing(TimeSpan.Zero, TimeSpan.FromMinutes(5));
        var result = _session.Run("""
            Start-SpLeadExtraction -Name 'Ext' -UrlType linkedin_search -Url 'https://www.linkedin.com/search/results/people/?keywords=cto' -Mode extraction_only -Limit 5 |
                Get-SpLeadExtraction
            """).ThrowIfFailed();

        var job = result.Output.Single();
        Assert.Equal("SendPilot.Client.Models.LeadExtractionJob", job.TypeNames[0]);
        Assert.Equal("processing", job.P("Status"));
        var status = Assert.Single(_sandbox.Requests, r => r.Path.EndsWith("/status"));
        Assert.Equal($"/lead-extractor/campaigns/{job.P("Id")}/status", status.Path);
        Assert.Equal(5L, PSObject.AsPSObject(job.P("Progress")!).P("Requested"));
    }

    [Fact]
    public void Enriched_only_asks_the_api_and_returns_people_with_contact_details()
    {
        var result = _session.Run("""
            Start-SpLeadExtraction -Name 'Ext' -UrlType sales_navigator -Url 'https://www.linkedin.com/sales/search/people?query=x' -Mode with_enrichment -Limit 12 -Wait |
                Get-SpLeadExtractionResult -EnrichedOnly
            """).ThrowIfFailed();

        Assert.Equal(8, result.Output.Count);
        Assert.All(result.Output, r => Assert.EndsWith(".example", (string)r.P("Email")!));
        Assert.Contains("enriched_only=true", Assert.Single(_sandbox.Requests, r => r.Path.EndsWith("/results")).Query);
    }

    [Fact]
    public void Filter_values_are_listed_searched_and_names_complete_from_the_catalog()
    {
        var locations = _session.Run("Get-SpLeadSearchFilter -Name locations").ThrowIfFailed();
        Assert.Equal(60, locations.Output.Count);
        Assert.All(locations.Output, v => Assert.Equal("locations", v.P("Filter")));
        Assert.Equal("Amsterdam", locations.Output[0].P("Value"));
        Assert.Equal("Basel", locations.Output[^1].P("Value"));
        var pages = _sandbox.Requests.Where(r => r.Path == "/lead-database/filters").Select(r => r.Query).ToList();
        Assert.Equal(2, pages.Count);
        Assert.Contains(pages, q => q.Contains("offset=0") && q.Contains("limit=50"));
        Assert.Contains(pages, q => q.Contains("offset=50") && q.Contains("limit=50"));

        var found = _session.Run("Get-SpLeadSearchFilter locations -Search ber").ThrowIfFailed();
        Assert.Equal(new object[] { "Berlin", "Bern" }, found.Output.Select(v => v.P("Value")));
        Assert.Contains(_sandbox.Requests, r => r.Query.Contains("search=ber") && r.Query.Contains("filter=locations"));

        var unknown = _session.Run("Get-SpLeadSearchFilter -Name colours");
        Assert.Equal("SendPilot.LeadSearchFilterUnknown", Assert.Single(unknown.Errors).FullyQualifiedErrorId.Split(',')[0]);

        var completions = _session.Run("$line = 'Get-SpLeadSearchFilter -Name seni'; (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText").ThrowIfFailed();
        Assert.Equal(new object[] { "seniority_levels" }, completions.Output.Select(o => o.BaseObject));
    }
}
