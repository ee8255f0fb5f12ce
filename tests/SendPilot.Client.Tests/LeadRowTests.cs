using SendPilot.Client.Leads;
using Xunit;

namespace SendPilot.Client.Tests;

/// <summary>The upload's row rules, through the client's public helpers (no HTTP, no PowerShell).</summary>
public class LeadRowTests
{
    [Theory]
    [InlineData("https://www.linkedin.com/in/ann-lee", "https://www.linkedin.com/in/ann-lee")]
    [InlineData("  linkedin.com/in/Ann-Lee/  ", "https://www.linkedin.com/in/Ann-Lee")]
    [InlineData("http://uk.linkedin.com/in/ann-lee?trk=x#about", "https://www.linkedin.com/in/ann-lee")]
    [InlineData("https://www.linkedin.com/in/ann-lee/recent-activity/", "https://www.linkedin.com/in/ann-lee")]
    [InlineData("www.linkedin.com/in/j%C3%BCrgen", "https://www.linkedin.com/in/j%C3%BCrgen")]
    public void Profile_urls_are_normalised(string raw, string expected)
    {
        Assert.True(LinkedInProfileUrl.TryNormalize(raw, out var normalized, out _, out var reason), reason);
        Assert.Equal(expected, normalized);
    }

    [Fact]
    public void Case_and_form_variants_share_one_duplicate_key()
    {
        LinkedInProfileUrl.TryNormalize("https://www.linkedin.com/in/Ann-Lee/", out _, out var a, out _);
        LinkedInProfileUrl.TryNormalize("linkedin.com/in/ann-lee?x=1", out _, out var b, out _);
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData("https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abc", "Sales Navigator")]
    [InlineData("https://www.linkedin.com/in/ACoAAB12345", "ACoAA")]
    [InlineData("ACoAAB12345", "ACoAA")]
    [InlineData("urn:li:fsd_profile:ACoAAB12345", "member id")]
    [InlineData("https://www.linkedin.com/company/acme", "not a LinkedIn profile URL")]
    [InlineData("https://example.com/in/ann", "not a LinkedIn profile URL")]
    [InlineData("ann lee", "not a LinkedIn profile URL")]
    public void Other_urls_are_refused_with_a_reason(string raw, string reasonPart)
    {
        Assert.False(LinkedInProfileUrl.TryNormalize(raw, out _, out _, out var reason));
        Assert.Contains(reasonPart, reason);
    }

    [Theory]
    [InlineData("LinkedIn URL", "linkedinUrl")]
    [InlineData("Profile URL", "linkedinUrl")]
    [InlineData("linkedin", "linkedinUrl")]
    [InlineData("linkedInProfileUrl", "linkedinUrl")]
    [InlineData("first_name", "firstName")]
    [InlineData("First Name", "firstName")]
    [InlineData("LAST-NAME", "lastName")]
    [InlineData("E-mail", "email")]
    [InlineData("icebreaker", "icebreaker")]
    [InlineData(" Deal Size ", "Deal Size")]
    public void Column_names_match_the_known_fields(string column, string field) =>
        Assert.Equal(field, LeadFieldNames.Canonical(column));

    [Fact]
    public void The_fingerprint_set_tells_new_urls_from_seen_ones_across_growth()
    {
        var set = new FingerprintSet();
        for (int i = 0; i < 50_000; i++) Assert.True(set.Add($"https://www.linkedin.com/in/p-{i}"));
        for (int i = 0; i < 50_000; i += 7) Assert.False(set.Add($"https://www.linkedin.com/in/p-{i}"));
        Assert.Equal(50_000, set.Count);
    }
}
