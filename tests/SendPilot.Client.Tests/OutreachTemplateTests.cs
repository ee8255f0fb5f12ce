using SendPilot.Client.Outreach;
using Xunit;

namespace SendPilot.Client.Tests;

public class OutreachTemplateTests
{
    private static Func<string, string?> Row(params (string Name, string? Value)[] fields) =>
        name => fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    [Fact]
    public void Fills_placeholders_ignoring_case_and_inner_spaces()
    {
        var template = new MessageTemplate("Hi {{firstName}}, {{ Company }} and {{company}} again; {{icebreaker}}");
        var rendered = template.Render(Row(("FIRSTNAME", "Ann"), ("company", "Acme"), ("Icebreaker", "loved your post")));

        Assert.True(rendered.IsComplete);
        Assert.Equal("Hi Ann, Acme and Acme again; loved your post", rendered.Text);
        Assert.Equal(new[] { "firstName", "Company", "icebreaker" }, template.Placeholders);
    }

    [Fact]
    public void Missing_empty_and_blank_values_are_reported_once_each()
    {
        var rendered = new MessageTemplate("{{a}} {{b}} {{c}} {{A}} {{d}}").Render(Row(("b", ""), ("c", "  "), ("d", "ok")));

        Assert.False(rendered.IsComplete);
        Assert.Equal(new[] { "a", "b", "c" }, rendered.Missing);
    }

    [Fact]
    public void Names_the_server_fills_are_left_for_it_in_its_spelling_unless_the_row_has_them()
    {
        var serverFills = new[] { "firstName", "lastName" };
        var left = new MessageTemplate("Hi {{FirstName}} {{ lastname }}").Render(Row(), serverFills);
        Assert.True(left.IsComplete);
        Assert.Equal("Hi {{firstName}} {{lastName}}", left.Text);

        var filled = new MessageTemplate("Hi {{firstName}} from {{company}}").Render(Row(("firstName", "Ann")), serverFills);
        Assert.Equal("Hi Ann from {{company}}", filled.Text);
        Assert.Equal(new[] { "company" }, filled.Missing);
    }

    [Fact]
    public void Text_without_placeholders_is_unchanged()
    {
        var rendered = new MessageTemplate("Plain {text} and }} {{").Render(Row());
        Assert.True(rendered.IsComplete);
        Assert.Equal("Plain {text} and }} {{", rendered.Text);
    }

    [Fact]
    public void Length_check_allows_1_to_max_characters()
    {
        Assert.Null(MessageTemplate.CheckLength("x", 8000, "message"));
        Assert.Null(MessageTemplate.CheckLength(new string('x', 8000), 8000, "message"));
        Assert.Contains("8001 characters", MessageTemplate.CheckLength(new string('x', 8001), 8000, "message"));
        Assert.Contains("at most 300", MessageTemplate.CheckLength(new string('x', 301), 300, "note"));
        Assert.Contains("empty", MessageTemplate.CheckLength(" \n ", 8000, "message"));
    }

    [Fact]
    public void Preview_is_one_line_and_cut()
    {
        Assert.Equal("a b c", MessageTemplate.Preview("a\r\n b\tc "));
        string preview = MessageTemplate.Preview(new string('x', 500), 40);
        Assert.Equal(40, preview.Length);
        Assert.EndsWith("…", preview);
    }
}
