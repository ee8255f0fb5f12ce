using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests.Infrastructure;

/// <summary>One sandbox on a free loopback port per test class.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
