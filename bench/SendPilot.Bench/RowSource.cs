using System.Management.Automation;

namespace SendPilot.Bench;

/// <summary>
/// Rows shaped exactly like Import-Csv's: a PSCustomObject with ten string note properties (empty cells are "").
/// Produced lazily, one at a time, so the input itself never fills memory.
/// </summary>
public sealed class RowSource
{
    /// <summary>Creates the rows and drops them: the cost of the input alone.</summary>
    public int Count(int count, string prefix) => Rows(count, prefix).Count();

    public IEnumerable<PSObject> Rows(int count, string prefix)
    {
        for (int i = 1; i <= count; i++)
        {
            var row = new PSObject();
            row.Properties.Add(new PSNoteProperty("LinkedIn URL", $"https://www.linkedin.com/in/{prefix}-{i}"));
            row.Properties.Add(new PSNoteProperty("First Name", "First" + i));
            row.Properties.Add(new PSNoteProperty("Last Name", "Last" + i));
            row.Properties.Add(new PSNoteProperty("Company", "Company " + (i % 500)));
            row.Properties.Add(new PSNoteProperty("Title", "Head of Growth"));
            row.Properties.Add(new PSNoteProperty("Email", $"p{i}@example.com"));
            row.Properties.Add(new PSNoteProperty("City", "Berlin"));
            row.Properties.Add(new PSNoteProperty("Industry", "Software"));
            row.Properties.Add(new PSNoteProperty("icebreaker", "Loved your talk on pipelines"));
            row.Properties.Add(new PSNoteProperty("Notes", ""));
            yield return row;
        }
    }

    /// <summary>Creates the message rows and drops them: the cost of scenario 5's input alone.</summary>
    public int CountRecipients(int count, string prefix) => Recipients(count, prefix).Count();

    /// <summary>
    /// Contact rows as Import-Csv gives them for Send-SpMessage: linkedinUrl (1st-degree connections in the sandbox,
    /// as their slugs do not start with "stranger"), firstName and an icebreaker for the template.
    /// </summary>
    public IEnumerable<PSObject> Recipients(int count, string prefix)
    {
        for (int i = 1; i <= count; i++)
        {
            var row = new PSObject();
            row.Properties.Add(new PSNoteProperty("linkedinUrl", $"https://www.linkedin.com/in/{prefix}-{i}"));
            row.Properties.Add(new PSNoteProperty("firstName", "First" + i));
            row.Properties.Add(new PSNoteProperty("lastName", "Last" + i));
            row.Properties.Add(new PSNoteProperty("company", "Company " + (i % 500)));
            row.Properties.Add(new PSNoteProperty("icebreaker", "Loved your talk on pipelines"));
            yield return row;
        }
    }
}
