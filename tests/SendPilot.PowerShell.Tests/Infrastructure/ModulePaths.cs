namespace SendPilot.PowerShell.Tests.Infrastructure;

/// <summary>Where the built module is: out/SendPilot beside the solution.</summary>
public static class ModulePaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string ModuleDirectory => Path.Combine(RepositoryRoot, "out", "SendPilot");

    public static string Manifest => Path.Combine(ModuleDirectory, "SendPilot.psd1");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SendPilot.PowerShell.sln"))) return dir.FullName;
        throw new InvalidOperationException("SendPilot.PowerShell.sln not found above " + AppContext.BaseDirectory);
    }
}
