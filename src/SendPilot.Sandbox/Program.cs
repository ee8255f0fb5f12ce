using System.Runtime.InteropServices;

namespace SendPilot.Sandbox;

/// <summary>
/// dotnet run --project src/SendPilot.Sandbox -- [--port N] [--api-key K] [--workspace-id W] [--workspace-name N] [--latency-ms N] [--parent-pid P] [--verbose]
/// The port defaults to 0 (a free one); the first line printed names the URL it listens on.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = new SandboxOptions { Port = 0 };
        int? parentPid = null;
        var latencyMs = 0;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--port": options.Port = int.Parse(Next()); break;
                case "--api-key": options.ApiKey = Next(); break;
                case "--latency-ms": latencyMs = int.Parse(Next()); break;
                case "--workspace-id": options.WorkspaceId = Next(); break;
                case "--workspace-name": options.WorkspaceName = Next(); break;
                case "--parent-pid": parentPid = int.Parse(Next()); break;
                case "--verbose": options.Verbose = true; break;
                default:
                    Console.Error.WriteLine($"Unknown argument {args[i]}. Usage: [--port N] [--api-key K] [--workspace-id W] [--workspace-name N] [--latency-ms N] [--parent-pid P] [--verbose]");
                    return 2;
            }
        }

        await using var server = await SandboxServer.StartAsync(options);
        if (latencyMs > 0) server.InjectFault(new FaultRule { Count = 0, DelayMs = latencyMs });

        Console.WriteLine($"SendPilot sandbox listening on {server.BaseUri} (legacy: {server.LegacyBaseUri})");
        Console.WriteLine($"API key:           {server.ApiKey}");
        Console.WriteLine($"Read-only API key: {options.ReadOnlyApiKey}");
        Console.WriteLine($"Admin API:         {server.RootUri}_admin/…   Ctrl+C to stop.");

        var stop = new TaskCompletionSource();
        if (parentPid is int pid) StopWhenParentExits(pid, stop);
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await stop.Task;
        return 0;

        // A test run that is killed must not leave its sandbox behind.
        static void StopWhenParentExits(int pid, TaskCompletionSource stop)
        {
            System.Diagnostics.Process parent;
            try { parent = System.Diagnostics.Process.GetProcessById(pid); }
            catch (ArgumentException) { stop.TrySetResult(); return; }
            _ = parent.WaitForExitAsync().ContinueWith(_ => stop.TrySetResult());
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }
}
