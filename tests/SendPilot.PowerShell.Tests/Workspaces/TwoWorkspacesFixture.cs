using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests.Workspaces;

/// <summary>Two sandboxes on free loopback ports standing for two workspaces, each with its own key.</summary>
public sealed class TwoWorkspacesFixture : IAsyncLifetime
{
    public SandboxServer Acme { get; private set; } = null!;
    public SandboxServer Globex { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Acme = await SandboxServer.StartAsync(new SandboxOptions { ApiKey = "sp_test_acme_0000000000000000a001", WorkspaceId = "ws_acme", WorkspaceName = "Acme" });
        Globex = await SandboxServer.StartAsync(new SandboxOptions { ApiKey = "sp_test_globex_00000000000000b002", WorkspaceId = "ws_globex", WorkspaceName = "Globex" });
    }

    public void Reset()
    {
        Acme.Reset();
        Globex.Reset();
    }

    public async Task DisposeAsync()
    {
        await Acme.DisposeAsync();
        await Globex.DisposeAsync();
    }
}
