using System.Management.Automation;
using System.Text.Json;
using SendPilot.PowerShell.Tests.Infrastructure;
using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests;

/// <summary>
/// How Add-SpLead reads its input: the module's own leads copied through their typed path, odd rows accounted for,
/// the input's columns judged as a whole, and 2xx answers that do not say what was added.
/// </summary>
public class LeadsIntakeTests : SandboxSessionTest
{
    public LeadsIntakeTests(SandboxFixture fixture) : base(fixture, "-MaximumRetryCount 0") { }

    private const string CopyMe = """
        [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/copy-me'; firstName = 'Cora'; company = 'Acme'; customScore = '85'; score = 42; vip = $true } |
            Add-SpLead -CampaignId camp_xyz789 | Out-Null
        $copyMe = Get-SpLead -CampaignId camp_xyz789 -Full | Where-Object LinkedinUrl -like '*/copy-me'
        """;

    private List<string> PostedBodies() =>
        Sandbox.Requests.Where(r => r.Method == "POST" && r.Path == "/leads").Select(r => r.Body!).ToList();

    private static string Id(ErrorRecord error) => error.FullyQualifiedErrorId.Split(',')[0];

    private static long Count(PSObject summary, string name) => Convert.ToInt64(summary.P(name));

    [Fact]
    public void A_lead_from_Get_SpLead_copies_its_known_fields_and_nothing_of_its_own()
    {
        var result = Session.Run("Get-SpLead -LeadId lead_3 | Add-SpLead -CampaignId camp_sbx_10").ThrowIfFailed();

        Assert.Equal(1L, Count(result.Output.Single(), "Added"));
        Assert.Equal("""{"campaignId":"camp_sbx_10","leads":[{"linkedinUrl":"https://www.linkedin.com/in/chloe-anders-3","firstName":"Chloe","lastName":"Anders","title":"VP Sales","company":"Initech"}]}""",
            PostedBodies().Single());
    }

    [Fact]
    public void A_full_lead_copies_its_email_and_custom_fields_with_their_types()
    {
        Session.Run(CopyMe).ThrowIfFailed();
        Sandbox.ClearRequests();
        var result = Session.Run(CopyMe + "\n$copyMe | Add-SpLead -CampaignId camp_sbx_10").ThrowIfFailed();

        Assert.Equal(1L, Count(result.Output.Single(o => o.P("CampaignId") as string == "camp_sbx_10"), "Added"));
        Assert.Equal("""{"campaignId":"camp_sbx_10","leads":[{"linkedinUrl":"https://www.linkedin.com/in/copy-me","firstName":"Cora","company":"Acme","customScore":"85","score":42,"vip":true}]}""",
            PostedBodies().Last());
        var seeded = Session.Run("Get-SpLead -LeadId lead_3 -Full | Add-SpLead -CampaignId camp_sbx_10").ThrowIfFailed();
        Assert.Equal(1L, Count(seeded.Output.Single(), "Added"));
        Assert.Equal("""{"campaignId":"camp_sbx_10","leads":[{"linkedinUrl":"https://www.linkedin.com/in/chloe-anders-3","firstName":"Chloe","lastName":"Anders","title":"VP Sales","company":"Initech","email":"chloe.anders@initech.example","icebreaker":"Saw Initech\u0027s news","customScore":52}]}""",
            PostedBodies().Last());
    }

    [Fact]
    public void A_null_row_counts_as_invalid_and_later_rows_keep_their_numbers()
    {
        var script = """
            $rows = @([pscustomobject]@{ n = 1; linkedinUrl = 'https://www.linkedin.com/in/null-1' }, $null, [pscustomobject]@{ n = 3; linkedinUrl = 'https://www.linkedin.com/sales/lead/x' })
            $rows | Add-SpLead -CampaignId camp_xyz789 -ErrorVariable bad -ErrorAction SilentlyContinue
            Add-SpLead -CampaignId camp_sbx_01 -InputObject $rows -ErrorAction SilentlyContinue
            $bad | ForEach-Object { [pscustomobject]@{ Message = "$_"; Row = $_.TargetObject.n } }
            """;
        var result = Session.Run(script);

        var summaries = result.Output.Where(o => o.P("Submitted") != null).ToList();
        Assert.All(summaries, s =>
        {
            Assert.Equal(3L, Count(s, "Submitted"));
            Assert.Equal(1L, Count(s, "Added"));
            Assert.Equal(2L, Count(s, "Invalid"));
        });
        var messages = result.Output.Where(o => o.P("Message") != null).Select(o => (string)o.P("Message")!).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal("Row 2 rejected for camp_xyz789: the row is $null; there is nothing to add. Fix the row and add it again.", messages[0]);
        Assert.StartsWith("Row 3 rejected for camp_xyz789: ", messages[1]);
    }

    [Fact]
    public void Two_columns_that_both_give_the_url_reject_the_row_unless_the_property_map_drops_one()
    {
        var row = "[pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/first-url'; 'Profile URL' = 'https://www.linkedin.com/in/second-url' }";
        var rejected = Session.Run(row + " | Add-SpLead -CampaignId camp_xyz789");

        Assert.Equal(1L, Count(rejected.Output.Single(), "Invalid"));
        Assert.Equal("Row 1 rejected for camp_xyz789: columns 'linkedinUrl' and 'Profile URL' both give the LinkedIn URL; keep one of them. Fix the row and add it again.",
            Assert.Single(rejected.Errors).ErrorDetails.Message);
        Assert.Empty(PostedBodies());

        var mapped = Session.Run(row + " | Add-SpLead -CampaignId camp_xyz789 -PropertyMap @{ 'Profile URL' = '' }").ThrowIfFailed();
        Assert.Equal(1L, Count(mapped.Output.Single(), "Added"));
        Assert.Equal("""{"campaignId":"camp_xyz789","leads":[{"linkedinUrl":"https://www.linkedin.com/in/first-url"}]}""", PostedBodies().Single());
    }

    [Fact]
    public void A_uri_is_a_url_as_a_row_and_as_a_value()
    {
        var script = """
            [uri]'https://www.linkedin.com/in/uri-row', [pscustomobject]@{ linkedinUrl = [uri]'https://www.linkedin.com/in/uri-value'; site = [uri]'https://acme.example/' } |
                Add-SpLead -CampaignId camp_xyz789
            """;
        var result = Session.Run(script).ThrowIfFailed();

        Assert.Equal(2L, Count(result.Output.Single(), "Added"));
        Assert.Equal("""{"campaignId":"camp_xyz789","leads":[{"linkedinUrl":"https://www.linkedin.com/in/uri-row"},{"linkedinUrl":"https://www.linkedin.com/in/uri-value","site":"https://acme.example/"}]}""",
            PostedBodies().Single());
    }

    [Fact]
    public void Input_without_a_url_column_stops_at_the_first_row_naming_the_columns_and_the_closest()
    {
        var script = """
            $script:read = 0
            try {
                1..20000 | ForEach-Object { $script:read++; [pscustomobject]@{ 'LinkdIn URL' = "https://www.linkedin.com/in/typo-$_"; 'First Name' = 'T' } } |
                    Add-SpLead -CampaignId camp_xyz789 -ErrorVariable bad -ErrorAction SilentlyContinue | ForEach-Object { $script:summary = $_ }
            } catch { $script:caught = $_ }
            [pscustomobject]@{ Caught = $script:caught; Summary = $script:summary; Read = $script:read; Errors = @($bad).Count }
            """;
        var outcome = Session.Run(script).Output.Single();

        var caught = (ErrorRecord)outcome.P("Caught")!;
        Assert.Equal("SendPilot.NoUrlColumn", Id(caught));
        Assert.Equal("No column of the input is a LinkedIn URL, so the upload stopped at row 1 and nothing was sent: the columns are 'LinkdIn URL', 'First Name'. " +
            "Name the URL column with -PropertyMap @{ 'LinkdIn URL' = 'linkedinUrl' }.", caught.ErrorDetails.Message);
        var summary = PSObject.AsPSObject(outcome.P("Summary"));
        Assert.Equal(1L, Count(summary, "Submitted"));
        Assert.Equal(1L, Count(summary, "Invalid"));
        Assert.InRange(Convert.ToInt32(outcome.P("Read")), 1, 2);
        Assert.Equal(2, Convert.ToInt32(outcome.P("Errors")));   // row 1's own record, then the stop
        Assert.Empty(PostedBodies());
    }

    [Fact]
    public void A_header_with_semicolons_hints_at_the_delimiter()
    {
        var script = """
            # What Import-Csv makes of a semicolon-separated file read without -Delimiter ';'.
            [pscustomobject]@{ 'linkedinUrl;firstName' = 'https://www.linkedin.com/in/semi;Ann' } | Add-SpLead -CampaignId camp_xyz789 -ErrorAction SilentlyContinue
            """;
        var error = Session.Terminates(script);

        Assert.Equal("SendPilot.NoUrlColumn", Id(error));
        Assert.EndsWith("the columns are 'linkedinUrl;firstName'. Column 'linkedinUrl;firstName' contains a semicolon: read the file with Import-Csv -Delimiter ';'.",
            error.ErrorDetails.Message);
        Assert.Empty(PostedBodies());
    }

    [Fact]
    public void Rows_whose_url_cell_is_only_empty_stay_per_row_errors()
    {
        var script = """
            @([pscustomobject]@{ linkedinUrl = '' }, [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/filled' }) |
                Add-SpLead -CampaignId camp_xyz789
            """;
        var result = Session.Run(script);

        Assert.Null(result.Terminating);
        Assert.Equal(1L, Count(result.Output.Single(), "Added"));
        Assert.Equal("SendPilot.LeadRejected", Id(Assert.Single(result.Errors)));
    }

    [Fact]
    public void A_property_map_key_that_matches_no_column_is_a_warning()
    {
        var script = """
            [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/mapped'; Given = 'Gia' } |
                Add-SpLead -CampaignId camp_xyz789 -PropertyMap @{ Givn = 'firstName'; given = 'firstName' }
            """;
        var result = Session.Run(script).ThrowIfFailed();

        Assert.Equal("-PropertyMap key 'Givn' matches no column of the input, so it has no effect; the columns are 'linkedinUrl', 'Given'.",
            Assert.Single(result.Warnings));
        Assert.Equal("""{"campaignId":"camp_xyz789","leads":[{"linkedinUrl":"https://www.linkedin.com/in/mapped","firstName":"Gia"}]}""", PostedBodies().Single());
    }

    [Theory]
    [InlineData("", "an empty body")]
    [InlineData("{}", "{}")]
    [InlineData("null", "null")]
    [InlineData("[]", "[]")]
    [InlineData("""{"success":true}""", "an object")]
    public void A_2xx_answer_without_counts_is_uncertain_and_claims_no_row_added(string body, string described)
    {
        Sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/leads", Status = 201, Body = body, Count = 1 });
        var result = Session.Run(RowsScript(5) + " | Add-SpLead -CampaignId camp_xyz789");

        var summary = result.Output.Single();
        Assert.Equal(0L, Count(summary, "Added"));
        Assert.Equal(5L, Count(summary, "Failed"));
        Assert.Equal(1L, Count(summary, "UncertainBatches"));
        Assert.Contains("answered without counts", (string)summary.P("Note")!);
        Assert.Equal(5, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("SendPilot.LeadFailed", Id(e)));
        Assert.StartsWith($"Row 1 (https://www.linkedin.com/in/odd-1) failed for camp_xyz789: batch 1 failed: the API answered 201 with {described} and no leadsAdded count",
            result.Errors[0].ErrorDetails.Message);
    }

    [Fact]
    public void A_2xx_answer_saying_success_false_adds_nothing_and_carries_the_apis_message()
    {
        Sandbox.InjectFault(new FaultRule { Method = "POST", Path = "/leads", Status = 201, Count = 1,
            Body = """{"success":false,"leadsAdded":5,"error":"Campaign is archived"}""" });
        var result = Session.Run(RowsScript(5) + " | Add-SpLead -CampaignId camp_xyz789");

        var summary = result.Output.Single();
        Assert.Equal(0L, Count(summary, "Added"));
        Assert.Equal(5L, Count(summary, "Failed"));
        Assert.Equal(5, result.Errors.Count);
        Assert.Equal("Row 2 (https://www.linkedin.com/in/odd-2) failed for camp_xyz789: batch 1 failed: the API answered 201 with success: false (Campaign is archived); " +
            "the rows were not added. Add the failed rows again ($err.TargetObject | Add-SpLead); the API skips leads it already has, so re-sending is safe.",
            result.Errors[1].ErrorDetails.Message);
    }

    private static string RowsScript(int count) =>
        $"1..{count} | ForEach-Object {{ [pscustomobject]@{{ linkedinUrl = \"https://www.linkedin.com/in/odd-$_\" }} }}";
}
