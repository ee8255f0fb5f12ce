using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using SendPilot.PowerShell.Tests.Infrastructure;
using Xunit;

namespace SendPilot.PowerShell.Tests;

public class ManifestTests
{
    private static Hashtable ReadManifest(string path)
    {
        var ast = Parser.ParseFile(path, out _, out ParseError[] errors);
        Assert.Empty(errors);
        var table = (HashtableAst)ast.Find(a => a is HashtableAst, false)!;
        return (Hashtable)table.SafeGetValue();
    }

    [Fact]
    public void Exported_cmdlets_match_the_cmdlet_classes()
    {
        using var session = new PsSession();
        var implemented = session.Run(
            "(Get-Command Get-SpCampaign).ImplementingType.Assembly.GetTypes() | " +
            "ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } | " +
            "ForEach-Object { $_.VerbName + '-' + $_.NounName }").ThrowIfFailed()
            .Output.Select(o => o.ToString()).OrderBy(n => n).ToArray();
        var manifest = ReadManifest(ModulePaths.Manifest);
        var exported = ((object[])manifest["CmdletsToExport"]!).Select(o => o.ToString()!).OrderBy(n => n).ToArray();

        Assert.Equal(implemented, exported);
        Assert.DoesNotContain(exported, name => name.Contains('*'));
        var loaded = session.Run("Get-Command -Module SendPilot | ForEach-Object Name").Output.Select(o => o.ToString()).OrderBy(n => n);
        Assert.Equal(exported, loaded);
    }

    [Fact]
    public void Manifest_declares_editions_version_and_gallery_data_without_required_assemblies()
    {
        var manifest = ReadManifest(Path.Combine(ModulePaths.RepositoryRoot, "SendPilot.psd1"));
        Assert.Equal(new[] { "Desktop", "Core" }, ((object[])manifest["CompatiblePSEditions"]!).Cast<string>());
        Assert.Equal("5.1", manifest["PowerShellVersion"]);
        Assert.Equal("SendPilot.PowerShell.dll", manifest["RootModule"]);
        Assert.False(manifest.ContainsKey("RequiredAssemblies"));
        Assert.Contains("SendPilot.Format.ps1xml", ((object[])manifest["FormatsToProcess"]!).Cast<string>());
        var psData = (Hashtable)((Hashtable)manifest["PrivateData"]!)["PSData"]!;
        Assert.NotEmpty((object[])psData["Tags"]!);
        Assert.StartsWith("https://", (string)psData["ProjectUri"]!);
        Assert.StartsWith("https://", (string)psData["LicenseUri"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)psData["ReleaseNotes"]));
    }

    [Fact]
    public void Built_module_has_our_assemblies_beside_the_manifest_and_the_rest_in_dependencies()
    {
        string dir = ModulePaths.ModuleDirectory;
        var beside = Directory.GetFiles(dir, "*.dll").Select(Path.GetFileName).OrderBy(n => n);
        Assert.Equal(new[] { "SendPilot.Client.dll", "SendPilot.PowerShell.dll" }, beside);
        Assert.True(File.Exists(Path.Combine(dir, "SendPilot.Format.ps1xml")));
        foreach (var dependency in new[] { "System.Text.Json.dll", "Microsoft.Bcl.AsyncInterfaces.dll", "System.Text.Encodings.Web.dll", "System.Memory.dll" })
            Assert.True(File.Exists(Path.Combine(dir, "dependencies", dependency)), dependency + " missing from dependencies/");
        Assert.False(File.Exists(Path.Combine(dir, "dependencies", "System.Management.Automation.dll")));
        var version = ReadManifest(ModulePaths.Manifest)["ModuleVersion"];
        Assert.Equal(version, ReadManifest(Path.Combine(ModulePaths.RepositoryRoot, "SendPilot.psd1"))["ModuleVersion"]);
    }

    [Fact]
    public void Module_assemblies_carry_the_manifest_version()
    {
        using var session = new PsSession();
        var result = session.Run("(Get-Module SendPilot).Version.ToString(3); (Get-Command Get-SpCampaign).ImplementingType.Assembly.GetName().Version.ToString(3)").ThrowIfFailed();
        Assert.Equal(result.Output[0].ToString(), result.Output[1].ToString());
    }
}
