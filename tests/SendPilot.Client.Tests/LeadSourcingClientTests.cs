using System.Net;
using System.Text;
using System.Text.Json;
using SendPilot.Client.LeadSourcing;
using SendPilot.Client.Models;
using SendPilot.Client.Tests.Sandbox;
using SendPilot.Client.Webhooks;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.Client.Tests;

/// <summary>The lead-sourcing calls of the core against the sandbox over loopback HTTP.</summary>
public sealed class LeadSourcingClientTests : SandboxTestBase
{
    public LeadSourcingClientTests(SandboxFixture fixture) : base(fixture)
    {
        Settings.PendingFor = TimeSpan.Zero;
        Settings.ProcessingFor = TimeSpan.Zero;
    }

    private LeadSourcingSettings Settings => Server.State.LeadSourcing.Settings;

    private SendPilotClient Client() => new(new SendPilotConnection(Server.ApiKey, Server.BaseUri));

    private static LeadSearchRequest Search(int limit) => new()
    {
        Name = "Client search", Limit = limit,
        Filters = new Dictionary<string, object?> { ["job_titles"] = new[] { "CTO" }, ["locations"] = new[] { "Berlin" } },
    };

    private static async Task<List<T>> ReadAll<T>(SendPilot.Client.Paging.PagedList<T> pages)
    {
        var all = new List<T>();
        using (pages)
            while (await pages.NextAsync() is { } page) all.AddRange(page);
        return all;
    }

    [Fact]
    public async Task Database_results_are_lead_sources_with_the_lead_fields_first_and_never_their_id()
    {
        var client = Client();
        var job = await client.StartLeadSearchAsync(Search(3));
        var result = (await ReadAll(client.ReadLeadSearchResults(job.Id, LeadResultWindow.All, 2)))[0];

        ILeadSource source = result;
        Assert.Equal(result.LinkedinUrl, source.LinkedinUrl);
        Assert.StartsWith("https://www.linkedin.com/in/", source.LinkedinUrl);
        var fields = source.GetLeadFields().ToList();
        Assert.Equal(new[] { "firstName", "lastName", "company", "title", "email" }, fields.Take(5).Select(f => f.Key));
        Assert.Equal("CTO", fields.Single(f => f.Key == "title").Value);
        Assert.Equal(new[] { "full_name", "phone", "location", "country", "industry", "seniority", "company_linkedin_url", "website", "employees" },
            fields.Skip(5).Select(f => f.Key));
        Assert.Equal("Berlin, Germany", fields.Single(f => f.Key == "location").Value);
        Assert.Equal(10, fields.Single(f => f.Key == "employees").Value);
        Assert.StartsWith("ldb_", result.GetResultId());
        Assert.DoesNotContain(fields, f => f.Value is string s && s == result.GetResultId());
    }

    [Fact]
    public async Task Extraction_results_map_job_position_to_title_and_leave_out_an_empty_email()
    {
        var client = Client();
        var job = await client.StartLeadExtractionAsync(new LeadExtractionRequest
        {
            Name = "Ext", UrlType = "linkedin_search", Urls = new[] { "https://www.linkedin.com/search/results/people/?keywords=cto" },
            Mode = "with_enrichment", Limit = 3,
        });
        var results = await ReadAll(client.ReadLeadExtractionResults(job.Id, enrichedOnly: false, LeadResultWindow.All, 2));

        Assert.Equal(3, results.Count);
        Assert.Equal("CTO", results[0].Title);
        Assert.NotNull(results[0].Email);
        Assert.Null(results[2].Email);
        var fields = ((ILeadSource)results[2]).GetLeadFields().Select(f => f.Key).ToList();
        Assert.DoesNotContain("email", fields);
        Assert.Contains("headline", fields);
        Assert.Contains("linkedin_identifier", fields);
        Assert.Equal(6L, job.EstimatedCredits);
    }

    [Theory]
    [InlineData("integer")]
    [InlineData("object")]
    public async Task Progress_reads_the_same_in_either_shape_and_statuses_share_one_vocabulary(string shape)
    {
        Settings.ProgressShape = shape;
        Settings.ProcessingFor = TimeSpan.FromMinutes(5);
        var client = Client();
        var search = await client.StartLeadSearchAsync(Search(20));
        var extraction = await client.StartLeadExtractionAsync(new LeadExtractionRequest
        {
            Name = "Ext", UrlType = "sales_navigator", Urls = new[] { "https://www.linkedin.com/sales/search/people?q=1" }, Mode = "extraction_only", Limit = 20,
        });

        var searchStatus = await client.GetLeadSearchAsync(search.Id);
        var extractionStatus = await client.GetLeadExtractionAsync(extraction.Id);

        Assert.Equal(LeadSourcingJob.Processing, searchStatus.Status);
        Assert.Equal(LeadSourcingJob.Processing, extractionStatus.Status);
        Assert.InRange(searchStatus.Progress!.Percent!.Value, 0, 99);
        Assert.Equal(shape == "object" ? 20L : (long?)null, searchStatus.Progress.Requested);
        Assert.Equal(20L, extractionStatus.Progress!.Requested);
        var raw = Server.Requests.Single(r => r.Path == $"/lead-extractor/campaigns/{extraction.Id}/status");
        Assert.Equal(200, raw.Status);
    }

    [Fact]
    public async Task Jobs_spend_credits_that_GET_credits_shows_and_a_short_pool_is_a_403()
    {
        var client = Client();
        await client.StartLeadSearchAsync(Search(100));
        Assert.Equal(4400L, (await client.GetCreditsAsync()).Available);

        Server.State.SetAvailableCredits(150);
        var refused = await Assert.ThrowsAsync<SendPilotApiException>(() => client.StartLeadExtractionAsync(new LeadExtractionRequest
        {
            Name = "Ext", UrlType = "linkedin_search", Urls = new[] { "https://www.linkedin.com/search/results/people/?k=1" }, Mode = "with_enrichment", Limit = 100,
        }));
        Assert.Equal(ApiErrorKind.PermissionDenied, refused.Kind);
        Assert.Equal("Insufficient credits", refused.ApiMessage);
        Assert.Equal(150L, (await client.GetCreditsAsync()).Available);
        Assert.Equal(1, Server.CountRequests("POST", "/lead-extractor/campaigns"));
    }

    [Fact]
    public async Task A_job_told_to_fail_reports_its_error_message()
    {
        Settings.FailNextWith = "Search index unavailable";
        var client = Client();
        var job = await client.StartLeadSearchAsync(Search(5));

        var status = await client.GetLeadSearchAsync(job.Id);
        Assert.Equal(LeadSourcingJob.Failed, status.Status);
        Assert.Equal("Search index unavailable", status.ErrorMessage);
        Assert.True(status.IsFinished);
        var next = await client.GetLeadSearchAsync((await client.StartLeadSearchAsync(Search(5))).Id);
        Assert.Equal(LeadSourcingJob.Completed, next.Status);
    }

    [Fact]
    public async Task Results_answer_with_offset_paging_and_refuse_offsets_past_the_ceiling()
    {
        Server.State.SetAvailableCredits(20_000);
        var job = await Client().StartLeadSearchAsync(Search(10_050));

        using var last = await SendAsync(HttpMethod.Get, $"/lead-database/searches/{job.Id}/results?limit=100&offset=10000");
        var page = JsonDocument.Parse(await last.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(job.Id, page.GetProperty("search_id").GetString());
        Assert.Equal(50, page.GetProperty("leads").GetArrayLength());
        Assert.Equal(10_050, page.GetProperty("total").GetInt32());
        Assert.False(page.GetProperty("has_more").GetBoolean());

        using var beyond = await SendAsync(HttpMethod.Get, $"/lead-database/searches/{job.Id}/results?limit=100&offset=10001");
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
    }

    [Fact]
    public async Task Completion_webhooks_are_signed_as_other_events_are()
    {
        await using var receiver = await SandboxServer.StartAsync();
        var secret = "whsec_" + Convert.ToBase64String(new byte[] { 9, 8, 7, 6, 5, 4, 3, 2 });
        var configure = await Http.PostAsync(Server.RootUri + "_admin/webhooks", new StringContent(
            JsonSerializer.Serialize(new { url = receiver.RootUri + "hooks", secret, scheme = "svix" }), Encoding.UTF8, "application/json"));
        Assert.Equal(200, (int)configure.StatusCode);

        var job = await Client().StartLeadSearchAsync(Search(4));
        Assert.True(SpinWait.SpinUntil(() => Server.State.Webhooks.Deliveries.Count == 1, TimeSpan.FromSeconds(30)));
        await Server.State.Webhooks.WhenIdleAsync();

        var delivery = Assert.Single(Server.State.Webhooks.Deliveries);
        Assert.Equal("lead_database.search.completed", delivery.EventType);
        var verdict = WebhookSignature.Verify(Encoding.UTF8.GetBytes(delivery.Body), delivery.Headers, secret);
        Assert.True(verdict.IsValid, verdict.Message);
        var data = JsonDocument.Parse(delivery.Body).RootElement.GetProperty("data");
        Assert.Equal(job.Id, data.GetProperty("search_id").GetString());
        Assert.Equal("completed", data.GetProperty("status").GetString());
        Assert.Equal(4, data.GetProperty("leads").GetArrayLength());
        Assert.Equal(delivery.Body, Assert.Single(receiver.Requests).Body);
    }
}
