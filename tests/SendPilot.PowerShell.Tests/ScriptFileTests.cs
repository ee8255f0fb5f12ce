using System.Management.Automation.Language;
using SendPilot.PowerShell.Tests.Infrastructure;
using Xunit;

namespace SendPilot.PowerShell.Tests;

/// <summary>Every script parses (tests/pester runs them in real pwsh), and build.ps1 offers the tasks README documents.</summary>
public class ScriptFileTests
{
    public static IEnumerable<object[]> Scripts() =>
        Directory.EnumerateFiles(ModulePaths.RepositoryRoot, "*.ps1", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}out{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(p => new object[] { Path.GetRelativePath(ModulePaths.RepositoryRoot, p) });

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_parses_without_errors(string relativePath)
    {
        Parser.ParseFile(Path.Combine(ModulePaths.RepositoryRoot, relativePath), out _, out ParseError[] errors);
        Assert.Empty(errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}"));
    }

    [Fact]
    public void Build_script_offers_every_documented_task()
    {
        var ast = Parser.ParseFile(Path.Combine(ModulePaths.RepositoryRoot, "build.ps1"), out _, out _);
        var task = ast.ParamBlock!.Parameters.Single(p => p.Name.VariablePath.UserPath == "Task");
        var validateSet = task.Attributes.OfType<AttributeAst>().Single(a => a.TypeName.Name == "ValidateSet");
        var values = validateSet.PositionalArguments.OfType<StringConstantExpressionAst>().Select(s => s.Value);
        Assert.Equal(new[] { "Build", "Test", "Pester", "Package", "Demo", "Clean" }, values);
    }
}
