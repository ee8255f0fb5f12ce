namespace SendPilot.Sandbox.Hosting;

/// <summary>
/// Replaces the console lifetime so an embedded sandbox never reacts to the host process's
/// Ctrl+C or SIGTERM; whoever started it stops it (Program does that for the standalone run).
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
