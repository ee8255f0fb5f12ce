using System.Runtime.CompilerServices;

namespace SendPilot.PowerShell.Tests.Infrastructure;

/// <summary>
/// Send logs for tests. The default log persists across runs on the same machine (the sandbox gives the same
/// workspace, leads and URLs every time), so no test may use it: this process's $env:SENDPILOT_LEDGER_PATH points
/// at a fresh temporary folder from the start, every PsSession.ConnectedTo connection gets a folder of its own, and
/// the whole tree is removed when the process ends.
/// </summary>
public static class TestLedger
{
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "sendpilot-tests", Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8]);

    [ModuleInitializer]
    internal static void UseATemporaryDefault()
    {
        Environment.SetEnvironmentVariable("SENDPILOT_LEDGER_PATH", NewFolder());
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
    }

    /// <summary>A new, empty folder for one connection's send log.</summary>
    public static string NewFolder()
    {
        string folder = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
