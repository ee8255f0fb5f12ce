using SendPilot.Sandbox;
using Xunit;

namespace SendPilot.PowerShell.Tests.Infrastructure;

/// <summary>
/// Base of the cmdlet tests: each test starts from a freshly reset sandbox and a runspace with the
/// module imported and connected to it; the request log starts empty.
/// </summary>
public abstract class SandboxSessionTest : IClassFixture<SandboxFixture>, IDisposable
{
    protected SandboxSessionTest(SandboxFixture fixture, string connectArguments = "")
    {
        Sandbox = fixture.Server;
        Sandbox.Reset();
        Session = PsSession.ConnectedTo(Sandbox, connectArguments);
        Sandbox.ClearRequests();
    }

    protected SandboxServer Sandbox { get; }
    protected PsSession Session { get; }

    public virtual void Dispose() => Session.Dispose();
}
