using System.Management.Automation;
using SendPilot.PowerShell.Tests.Infrastructure;
using Xunit;

namespace SendPilot.PowerShell.Tests;

/// <summary>Get-Help must answer fully for every exported cmdlet: the help is generated from the code at build.</summary>
public class HelpTests
{
    private static readonly string[] Headliners = { "Add-SpLead", "Send-SpMessage", "Request-SpConnection", "Get-SpCampaign" };

    [Fact]
    public void Every_exported_cmdlet_has_synopsis_description_parameter_help_and_examples()
    {
        using var session = new PsSession();
        var names = session.Run("Get-Command -Module SendPilot | ForEach-Object Name").ThrowIfFailed().Output.Select(o => o.ToString()).ToList();
        Assert.NotEmpty(names);
        var problems = new List<string>();
        foreach (string name in names)
        {
            var help = session.Run($"Get-Help {name} -Full").ThrowIfFailed().Output.Single();
            string synopsis = help.P("Synopsis")?.ToString()?.Trim() ?? "";
            if (synopsis.Length == 0 || synopsis.StartsWith(name + " ")) problems.Add($"{name}: no synopsis");
            if (Text(help.P("description")).Length == 0) problems.Add($"{name}: no description");
            int examples = Items(help.P("examples"), "example").Count;
            int wanted = Headliners.Contains(name) ? 2 : 1;
            if (examples < wanted) problems.Add($"{name}: {examples} examples, wants {wanted}");
            foreach (var parameter in Items(help.P("parameters"), "parameter"))
                if (Text(parameter.P("description")).Length == 0) problems.Add($"{name} -{parameter.P("name")}: no description");
            var bound = session.Run($"(Get-Command {name}).Parameters.Keys").Output.Select(o => o.ToString()!)
                .Where(p => !PSCmdlet.CommonParameters.Contains(p) && !PSCmdlet.OptionalCommonParameters.Contains(p));
            var documented = Items(help.P("parameters"), "parameter").Select(p => p.P("name")?.ToString()).ToHashSet();
            problems.AddRange(bound.Where(p => !documented.Contains(p)).Select(p => $"{name} -{p}: missing from help"));
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void About_SendPilot_covers_the_topics_users_need()
    {
        using var session = new PsSession();
        string about = string.Join("\n", session.Run("Get-Help about_SendPilot").ThrowIfFailed().Output.Select(o => o.ToString()));
        foreach (var topic in new[] { "CONNECTING", "SENDPILOT_API_KEY", "RETRIES", "NEVER RETRIED", "ROW ACCOUNTING", "TEMPLATES", "WEBHOOKS", "SANDBOX" })
            Assert.Contains(topic, about);
    }

    [Fact]
    public void Help_ships_as_maml_beside_the_module()
    {
        Assert.True(File.Exists(Path.Combine(ModulePaths.ModuleDirectory, "en-US", "SendPilot.PowerShell.dll-Help.xml")));
        Assert.True(File.Exists(Path.Combine(ModulePaths.ModuleDirectory, "en-US", "about_SendPilot.help.txt")));
    }

    private static List<PSObject> Items(object? container, string name)
    {
        if (container is not PSObject ps || ps.Properties[name]?.Value is not { } value) return new();
        return LanguagePrimitives.GetEnumerable(value) is { } many
            ? many.Cast<object>().Select(PSObject.AsPSObject).ToList()
            : new List<PSObject> { PSObject.AsPSObject(value) };
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        PSObject ps when ps.BaseObject is string s => s.Trim(),
        PSObject ps when ps.Properties["Text"] != null => ps.Properties["Text"].Value?.ToString()?.Trim() ?? "",
        _ when LanguagePrimitives.GetEnumerable(value) is { } many => string.Join(" ", many.Cast<object>().Select(Text)).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };
}
