using System.Runtime.InteropServices;

namespace SendPilot.Sandbox;

/// <summary>dotnet run --project src/SendPilot.Sandbox -- --port 5080 [--api-key K] [--workspace-id W] [--workspace-name N] [--latency-ms N] [--verbose]</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = new SandboxOptions { Port = 5080 };
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
                case "--verbose": options.Verbose = true; break;
                default:
                    Console.Error.WriteLine($"Unknown argument {args[i]}. Usage: --port N [--api-key K] [--workspace-id W] [--workspace-name N] [--latency-ms N] [--verbose]");
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
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await stop.Task;
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }
}
