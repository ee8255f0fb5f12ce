using System.Text.RegularExpressions;
using SendPilot.PowerShell.Tests.Infrastructure;
using Xunit;

namespace SendPilot.PowerShell.Tests;

/// <summary>README is the user's tour: every exported cmdlet must appear in one of its code examples.</summary>
public class ReadmeTests
{
    [Fact]
    public void Every_exported_cmdlet_appears_in_a_readme_code_example()
    {
        string readme = File.ReadAllText(Path.Combine(ModulePaths.RepositoryRoot, "README.md"));
        string code = string.Join("\n", Regex.Matches(readme, "```powershell\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value));
        using var session = new PsSession();
        var names = session.Run("Get-Command -Module SendPilot | ForEach-Object Name").ThrowIfFailed().Output.Select(o => o.ToString()!).ToList();

        Assert.NotEmpty(names);
        var missing = names.Where(name => !code.Contains(name)).ToList();
        Assert.True(missing.Count == 0, "not in any README example: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_readme_gives_the_two_set_up_commands_and_ci_runs_its_test_command()
    {
        string readme = File.ReadAllText(Path.Combine(ModulePaths.RepositoryRoot, "README.md"));
        Assert.Contains("pwsh ./build.ps1 -Task Demo", readme);
        Assert.Contains("dotnet test", readme);
        Assert.Contains("dotnet test", File.ReadAllText(Path.Combine(ModulePaths.RepositoryRoot, ".ci", "run")));
    }
}
