namespace SendPilot.Sandbox;

public sealed class SandboxOptions
{
    public int Port { get; set; } = 0;

    /// <summary>The loopback address to bind, e.g. 127.0.0.2 for a second origin in redirect tests.</summary>
    public string Host { get; set; } = "127.0.0.1";
    public string ApiKey { get; set; } = "sp_test_sandbox_0000000000000001";

    /// <summary>Has only the *:read scopes: writes answer 403 "Key lacks leads:write" and so on.</summary>
    public string ReadOnlyApiKey { get; set; } = "sp_test_readonly_000000000000002";

    /// <summary>Oldest log entries are dropped beyond this; CountRequests is not affected.</summary>
    public int RequestLogCapacity { get; set; } = 5000;

    /// <summary>False keeps only each campaign's URL set and count (for million-row benchmarks).</summary>
    public bool RetainLeadDetails { get; set; } = true;

    /// <summary>
    /// When set, every sender's daily message limit (seeded: sender_ann 100, sender_ben 2), so benchmarks can send
    /// thousands of messages in one command. Null keeps the seeded limits.
    /// </summary>
    public int? DailyMessageLimit { get; set; }

    /// <summary>The workspace GET /me answers with, so that two sandboxes can stand for two workspaces.</summary>
    public string WorkspaceId { get; set; } = SandboxState.WorkspaceId;

    public string WorkspaceName { get; set; } = SandboxState.WorkspaceName;

    public bool Verbose { get; set; }
}
