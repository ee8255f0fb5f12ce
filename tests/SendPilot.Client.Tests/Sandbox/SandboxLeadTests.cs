using Xunit;

namespace SendPilot.Client.Tests.Sandbox;

public sealed class SandboxLeadTests(SandboxFixture fixture) : SandboxTestBase(fixture)
{
    [Fact]
    public async Task AddCountsInvalidAndDuplicateEntries()
    {
        object[] leads =
        [
            new { linkedinUrl = "https://www.linkedin.com/in/john-doe", firstName = "John", customScore = 85 },
            new { linkedinUrl = "linkedin.com/in/John-Doe/" },                          // same person
            new { linkedinUrl = "https://example.com/in/nobody" },                      // not LinkedIn
            new { linkedinUrl = "https://www.linkedin.com/in/jane", customFields = new { a = 1 } }, // nested
        ];

        var response = await PostAsync("/leads", new { campaignId = "camp_xyz789", leads });

        Assert.Equal(201, (int)response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(1, body.GetProperty("leadsAdded").GetInt32());
        Assert.Equal(1, body.GetProperty("duplicatesSkipped").GetInt32());
        Assert.Equal(2, body.GetProperty("invalidEntries").GetInt32());
        var errors = body.GetProperty("errors");
        Assert.Equal([2, 3], errors.EnumerateArray().Select(e => e.GetProperty("index").GetInt32()));
        Assert.Equal(121, Server.State.Leads.Count("camp_xyz789"));
    }

    [Fact]
    public async Task ResendingABatchOnlyCountsDuplicatesAndOmitsErrors()
    {
        var batch = new { campaignId = "camp_sbx_02", leads = new[] { new { linkedinUrl = "https://www.linkedin.com/in/a1" } } };
        await PostAsync("/leads", batch);

        var body = await JsonAsync(await PostAsync("/leads", batch));

        Assert.Equal(0, body.GetProperty("leadsAdded").GetInt32());
        Assert.Equal(1, body.GetProperty("duplicatesSkipped").GetInt32());
        Assert.False(body.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task RequestLevelValidation()
    {
        await AssertErrorAsync(await PostAsync("/leads", new { leads = new[] { new { linkedinUrl = "https://www.linkedin.com/in/a" } } }), 400, "Invalid request data");
        await AssertErrorAsync(await PostAsync("/leads", new { campaignId = "camp_nope", leads = new[] { new { linkedinUrl = "https://www.linkedin.com/in/a" } } }), 404, "Campaign not found");
        var tooMany = Enumerable.Range(0, 101).Select(i => new { linkedinUrl = $"https://www.linkedin.com/in/p{i}" }).ToArray();
        Assert.Equal(400, (int)(await PostAsync("/leads", new { campaignId = "camp_xyz789", leads = tooMany })).StatusCode);
    }
}
