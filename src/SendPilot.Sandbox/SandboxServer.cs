using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SendPilot.Sandbox.Hosting;

namespace SendPilot.Sandbox;

/// <summary>A local, stateful SendPilot API on loopback. Start one per test class (or per test).</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxHost _host;

    private SandboxServer(WebApplication app, SandboxHost host, Uri rootUri)
    {
        _app = app;
        _host = host;
        RootUri = rootUri;
        BaseUri = new Uri(rootUri, "v1");
        LegacyBaseUri = new Uri(rootUri, "api/v1");
    }

    public Uri RootUri { get; }
    public Uri BaseUri { get; }
    public Uri LegacyBaseUri { get; }
    public string ApiKey => _host.Options.ApiKey;
    public SandboxState State => _host.State;

    /// <summary>A snapshot of the request log (API calls only, not admin), oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _host.Log.Snapshot();

    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        var host = new SandboxHost(options);
        var builder = WebApplication.CreateSlimBuilder();
        if (!options.Verbose) builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.UseUrls($"http://{options.Host}:{options.Port}");

        var app = builder.Build();
        app.Run(new RequestPipeline(host).HandleAsync);
        await app.StartAsync(cancellationToken);
        return new SandboxServer(app, host, BoundRootUri(app, options.Host));
    }

    /// <summary>Counts matching API calls over the whole run (since the last ClearRequests/Reset), beyond the log capacity.</summary>
    public int CountRequests(string method, string pathGlob) => _host.Log.Count(method, pathGlob);

    public void InjectFault(FaultRule rule) => _host.Faults.Add(rule);

    public void ClearFaults() => _host.Faults.Clear();

    /// <summary>Requests a fault rule has been applied to since the faults were last cleared (a held request counts once it is held).</summary>
    public int FaultsApplied => _host.Faults.Applied;

    /// <summary>Waits until a fault rule has been applied to <paramref name="count"/> requests; false when that takes longer than the timeout.</summary>
    public bool WaitForFaults(int count = 1, TimeSpan? timeout = null) =>
        SpinWait.SpinUntil(() => FaultsApplied >= count, timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>Empties the request log and the counters behind CountRequests.</summary>
    public void ClearRequests() => _host.Log.Clear();

    /// <summary>Back to the seeded state; faults, request log and webhook setup are cleared.</summary>
    public void Reset() => _host.Reset();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Uri BoundRootUri(WebApplication app, string host)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new Uri($"http://{host}:{port}/");
    }
}
