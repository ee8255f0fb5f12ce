using System.Diagnostics;
using SendPilot.PowerShell.Tests.Infrastructure;

namespace SendPilot.PowerShell.Tests.Workspaces;

/// <summary>
/// The pinned pwsh 7.6.9 (dotnet tool run pwsh) in its own process, non-interactive, with the built module
/// imported and the given environment. For what needs a real user's process: a new PowerShell session,
/// ForEach-Object -Parallel runspaces.
/// </summary>
public static class RealPwsh
{
    private static readonly Lazy<bool> Restored = new(() => Run("dotnet", "tool restore", new Dictionary<string, string?>()).ExitCode == 0);

    public static PwshResult Invoke(string script, IDictionary<string, string?> environment)
    {
        if (!Restored.Value) throw new InvalidOperationException("dotnet tool restore failed; the pinned pwsh is not available.");
        string file = Path.Combine(Path.GetTempPath(), $"sendpilot-{Guid.NewGuid():N}.ps1");
        File.WriteAllText(file, $"$ErrorActionPreference = 'Stop'; Import-Module '{ModulePaths.Manifest}'\n{script}");
        try { return Run("dotnet", $"tool run pwsh -NoProfile -NonInteractive -File \"{file}\"", environment); }
        finally { File.Delete(file); }
    }

    private static PwshResult Run(string file, string arguments, IDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = ModulePaths.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (string name in new[] { "SENDPILOT_API_KEY", "SENDPILOT_BASE_URI", "SENDPILOT_PROFILE", "HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY" })
        {
            start.Environment.Remove(name);
            start.Environment.Remove(name.ToLowerInvariant());
        }
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("pwsh did not finish within 120 s: " + arguments);
        }
        return new PwshResult(process.ExitCode, output.Result, error.Result);
    }
}

public sealed record PwshResult(int ExitCode, string Output, string Error)
{
    public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public PwshResult ThrowIfFailed() =>
        ExitCode == 0 && Error.Trim().Length == 0 ? this : throw new InvalidOperationException($"pwsh exited {ExitCode}: {Error}\n{Output}");
}
