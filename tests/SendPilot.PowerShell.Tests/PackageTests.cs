using System.Diagnostics;
using SendPilot.PowerShell.Tests.Infrastructure;
using Xunit;

namespace SendPilot.PowerShell.Tests;

/// <summary>The Gallery package: the same MSBuild target build.ps1 -Task Package runs, then Test-ModuleManifest on its result.</summary>
public class PackageTests
{
    [Fact]
    public void Package_target_lays_out_a_versioned_module_that_passes_Test_ModuleManifest()
    {
        using var session = new PsSession();
        string version = session.Run($"(Test-ModuleManifest '{ModulePaths.Manifest}').Version.ToString(3)").ThrowIfFailed().Output.Single().ToString()!;
        string project = Path.Combine(ModulePaths.RepositoryRoot, "src", "SendPilot.PowerShell", "SendPilot.PowerShell.csproj");
        var msbuild = Process.Start(new ProcessStartInfo("dotnet", $"msbuild \"{project}\" -t:PackageModule -nologo -v:q")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        string log = msbuild.StandardOutput.ReadToEnd() + msbuild.StandardError.ReadToEnd();
        msbuild.WaitForExit();
        Assert.True(msbuild.ExitCode == 0, log);

        string package = Path.Combine(ModulePaths.ModuleDirectory, version);
        foreach (var file in new[] { "SendPilot.psd1", "SendPilot.PowerShell.dll", "SendPilot.Client.dll", "SendPilot.Format.ps1xml",
                     "README.md", "CHANGELOG.md", "en-US/SendPilot.PowerShell.dll-Help.xml", "en-US/about_SendPilot.help.txt", "dependencies/System.Text.Json.dll" })
            Assert.True(File.Exists(Path.Combine(package, file)), file + " missing from the package");
        Assert.False(Directory.Exists(Path.Combine(package, version)), "the package must not contain itself");

        var checkedManifest = session.Run($"Test-ModuleManifest '{Path.Combine(package, "SendPilot.psd1")}' | ForEach-Object {{ $_.Version.ToString(3) }}").ThrowIfFailed();
        Assert.Equal(version, checkedManifest.Output.Single().ToString());
    }
}
