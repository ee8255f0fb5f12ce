using SendPilot.Sandbox.Endpoints;
using SendPilot.Sandbox.Http;

namespace SendPilot.Sandbox.Hosting;

/// <summary>Everything behind the HTTP listener: state, keys, routes, faults and the request log.</summary>
internal sealed class SandboxHost
{
    public SandboxHost(SandboxOptions options)
    {
        Options = options;
        State = new SandboxState(options.RetainLeadDetails, dailyMessageLimit: options.DailyMessageLimit)
        {
            Workspace = (options.WorkspaceId, options.WorkspaceName),
        };
        Keys = new ApiKeys(options);
        Log = new RequestLog(options.RequestLogCapacity);
        Api = ApiRoutes.Build();
        Admin = AdminEndpoints.Build(this);
    }

    public SandboxOptions Options { get; }
    public SandboxState State { get; }
    public ApiKeys Keys { get; }
    public RequestLog Log { get; }
    public FaultInjector Faults { get; } = new();
    public ApiRouter Api { get; }
    public ApiRouter Admin { get; }

    public void Reset()
    {
        State.Reset();
        Faults.Clear();
        Log.Clear();
    }
}
