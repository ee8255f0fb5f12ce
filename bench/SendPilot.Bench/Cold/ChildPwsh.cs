using System.Diagnostics;
using System.Text.Json;

namespace SendPilot.Bench.Cold;

/// <summary>
/// Runs a script in a new pwsh 7 process (the version pinned in .config/dotnet-tools.json), as a scheduled task would:
/// -NoProfile -NonInteractive -File. The script reports with one line "RESULT {json}".
/// </summary>
public sealed class ChildPwsh
{
    private readonly string _pwshDll;
    private readonly string _workDir;

    public ChildPwsh(string repositoryRoot, string workDir)
    {
        (_pwshDll, Version) = FindPwsh(repositoryRoot);
        _workDir = workDir;
    }

    /// <summary>The pinned PowerShell version, e.g. 7.6.9.</summary>
    public string Version { get; }

    public ChildRun Run(string script, IReadOnlyDictionary<string, string> environment)
    {
        string file = Path.Combine(_workDir, $"run-{Guid.NewGuid():N}.ps1");
        File.WriteAllText(file, "$ErrorActionPreference = 'Stop'; $PSStyle.OutputRendering = 'PlainText'\n" + script);
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { _pwshDll, "-NoProfile", "-NonInteractive", "-File", file }) start.ArgumentList.Add(argument);
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("SENDPILOT_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        foreach (var pair in environment) start.Environment[pair.Key] = pair.Value;
        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        start.Environment["POWERSHELL_UPDATECHECK"] = "Off";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        clock.Stop();
        File.Delete(file);
        string? line = stdout.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line == null)
            throw new InvalidOperationException($"pwsh exited {process.ExitCode} without a RESULT line.\n--- script ---\n{script}\n--- stdout ---\n{Tail(stdout)}\n--- stderr ---\n{Tail(stderr.Result)}");
        using var json = JsonDocument.Parse(line["RESULT ".Length..]);
        var values = json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetDouble() : 0);
        return new ChildRun(clock.Elapsed.TotalSeconds, values);
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : "…" + text[^4000..];

    private static (string Dll, string Version) FindPwsh(string repositoryRoot)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(repositoryRoot, ".config", "dotnet-tools.json")));
        string version = manifest.RootElement.GetProperty("tools").GetProperty("powershell").GetProperty("version").GetString()!;
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string tools = Path.Combine(packages, "powershell", version, "tools");
        string? dll = Directory.Exists(tools)
            ? Directory.EnumerateFiles(tools, "pwsh.dll", SearchOption.AllDirectories).Where(p => p.Contains($"{Path.DirectorySeparatorChar}unix{Path.DirectorySeparatorChar}") || !OperatingSystem.IsLinux()).FirstOrDefault()
            : null;
        return (dll ?? throw new InvalidOperationException($"pwsh {version} is not restored under {tools}: run 'dotnet tool restore' at the repository root."), version);
    }
}

/// <summary>Wall: the whole process, start to exit. Values: what the script reported (seconds, counts, bytes).</summary>
public sealed record ChildRun(double Wall, IReadOnlyDictionary<string, double> Values)
{
    public double this[string name] => Values.TryGetValue(name, out double v) ? v : throw new KeyNotFoundException($"The script did not report '{name}'.");
}
