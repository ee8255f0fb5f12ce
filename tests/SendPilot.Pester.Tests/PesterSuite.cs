using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace SendPilot.Pester.Tests;

/// <summary>One Pester test's outcome, as RunPester.ps1 reports it.</summary>
public sealed record PesterTestResult(string File, string Name, string Result, string? Message, double Duration);

public sealed record PesterContainerResult(string File, string Result, string? Message);

/// <summary>What one pwsh process printed and reported for one Pester file.</summary>
public sealed record PesterFileRun(string File, IReadOnlyList<PesterTestResult> Tests, IReadOnlyList<PesterContainerResult> Containers, string Output, int ExitCode);

/// <summary>
/// The tests/pester suite in the pinned pwsh: discovery once, then every file in its own pwsh process
/// (two at a time, on this 2-core machine), each started as soon as any of its tests is asked for.
/// </summary>
public static class PesterSuite
{
    private const int FilesAtOnce = 2;
    private static readonly TimeSpan FileTimeout = TimeSpan.FromMinutes(6);
    private static readonly SemaphoreSlim Slots = new(FilesAtOnce);
    private static readonly ConcurrentDictionary<string, Lazy<Task<PesterFileRun>>> Runs = new();
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };
    private static readonly Lazy<IReadOnlyList<PesterTestResult>> Discovered = new(Discover);

    public static string RepositoryRoot { get; } = FindRoot();

    public static string PesterDirectory => Path.Combine(RepositoryRoot, "tests", "pester");

    public static IReadOnlyList<PesterTestResult> Tests => Discovered.Value;

    public static IEnumerable<string> Files =>
        Directory.EnumerateFiles(PesterDirectory, "*.Tests.ps1").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal)!;

    /// <summary>
    /// The run of one file. xunit asks for the files in order, so asking for one also starts the next:
    /// two files run at once and both cores stay busy, while a filtered run starts at most one file too many.
    /// </summary>
    public static Task<PesterFileRun> RunAsync(string file)
    {
        var files = Files.ToList();
        int next = files.IndexOf(file) + 1;
        if (next > 0 && next < files.Count) _ = RunOnce(files[next]);
        return RunOnce(file);
    }

    private static Task<PesterFileRun> RunOnce(string file) =>
        Runs.GetOrAdd(file, f => new Lazy<Task<PesterFileRun>>(() => Task.Run(() => RunFileAsync(f)))).Value;

    private static async Task<PesterFileRun> RunFileAsync(string file)
    {
        await Slots.WaitAsync();
        try
        {
            string results = Path.Combine(Path.GetTempPath(), $"sendpilot-pester-{Guid.NewGuid():N}.json");
            try
            {
                var (exitCode, output) = await RunPwshAsync(Path.Combine(PesterDirectory, file), results, discover: false);
                var report = ReadReport(results, output);
                return new PesterFileRun(file, report.Tests, report.Containers, output, exitCode);
            }
            finally { File.Delete(results); }
        }
        finally { Slots.Release(); }
    }

    private static IReadOnlyList<PesterTestResult> Discover()
    {
        string results = Path.Combine(Path.GetTempPath(), $"sendpilot-pester-discovery-{Guid.NewGuid():N}.json");
        try
        {
            var (_, output) = RunPwshAsync(PesterDirectory, results, discover: true).GetAwaiter().GetResult();
            var report = ReadReport(results, output);
            var broken = report.Containers.Where(c => c.Result == "Failed").ToList();
            if (broken.Count > 0)
                throw new InvalidOperationException("Pester discovery failed in " + string.Join(", ", broken.Select(c => $"{c.File}: {c.Message}")));
            return report.Tests;
        }
        finally { File.Delete(results); }
    }

    private static (List<PesterTestResult> Tests, List<PesterContainerResult> Containers) ReadReport(string path, string output)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException("pwsh wrote no Pester results. Its output:\n" + output);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var tests = document.RootElement.GetProperty("Tests").Deserialize<List<PesterTestResult>>(Json) ?? new();
        var containers = document.RootElement.GetProperty("Containers").Deserialize<List<PesterContainerResult>>(Json) ?? new();
        return (tests, containers);
    }

    private static async Task<(int ExitCode, string Output)> RunPwshAsync(string path, string resultFile, bool discover)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (string argument in new[] { "tool", "run", "pwsh", "-NoProfile", "-NonInteractive", "-File",
                     Path.Combine(AppContext.BaseDirectory, "RunPester.ps1"), "-Pester", PesterManifest, "-Path", path, "-ResultFile", resultFile })
            start.ArgumentList.Add(argument);
        if (discover) start.ArgumentList.Add("-Discover");
        // The suite is hermetic: whatever a developer's shell has connected to must not leak in.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("SENDPILOT_", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        using var timeout = new CancellationTokenSource(FileTimeout);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            output.AppendLine($"[killed after {FileTimeout.TotalMinutes} minutes]");
        }
        await Task.WhenAll(stdout, stderr);
        lock (output) return (process.ExitCode, output.ToString());
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder sink)
    {
        string? line;
        while ((line = await reader.ReadLineAsync()) != null)
            lock (sink) sink.AppendLine(line);
    }

    private static string PesterManifest { get; } =
        typeof(PesterSuite).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PesterManifest").Value!;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SendPilot.PowerShell.sln"))) return dir.FullName;
        throw new InvalidOperationException("SendPilot.PowerShell.sln not found above " + AppContext.BaseDirectory);
    }
}
