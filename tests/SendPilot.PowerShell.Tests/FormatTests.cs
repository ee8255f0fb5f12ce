using System.Management.Automation;
using SendPilot.PowerShell.Tests.Infrastructure;
using Xunit;

namespace SendPilot.PowerShell.Tests;

public class FormatTests
{
    [Fact]
    public void Every_output_type_of_ours_has_a_view_that_the_engine_loads()
    {
        string path = Path.Combine(ModulePaths.ModuleDirectory, "SendPilot.Format.ps1xml");
        _ = new System.Management.Automation.Runspaces.FormatTable(new[] { path }); // throws on a malformed view
        var viewed = System.Xml.Linq.XDocument.Load(path).Descendants("TypeName").Select(t => t.Value).ToHashSet();

        using var session = new PsSession();
        var outputTypes = session.Run("Get-Command -Module SendPilot").ThrowIfFailed().Output
            .SelectMany(o => ((CmdletInfo)o.BaseObject).OutputType)
            .Select(t => t.Type?.FullName ?? t.Name)
            .Where(n => n.StartsWith("SendPilot."))
            .Distinct().ToList();

        Assert.True(outputTypes.Count >= 10, $"only {outputTypes.Count} output types found");
        var withoutView = outputTypes.Where(t => !viewed.Contains(t)).ToList();
        Assert.True(withoutView.Count == 0, "no view for: " + string.Join(", ", withoutView));
    }
}
