using System.Collections.Generic;
using System.Text.Json;
using SendPilot.Client.Json;

namespace SendPilot.Client.Models
{
    /// <summary>What <c>GET /me</c> says about the key: its workspace, scopes and plan.</summary>
    public sealed class AccountInfo
    {
        public string? KeyName { get; private set; }
        public string? WorkspaceId { get; private set; }
        public string? WorkspaceName { get; private set; }
        public string? Plan { get; private set; }
        public IReadOnlyList<string> Scopes { get; private set; } = new string[0];
        public IReadOnlyList<string> MissingScopes { get; private set; } = new string[0];

        /// <summary>The workspace as remembered (a saved profile), before any GET /me.</summary>
        public static AccountInfo Remembered(string? workspaceId, string? workspaceName) =>
            new AccountInfo { WorkspaceId = workspaceId, WorkspaceName = workspaceName };

        public static AccountInfo Parse(JsonElement me)
        {
            JsonRead.TryGet(me, "apiKey", out JsonElement key);
            JsonRead.TryGet(me, "workspace", out JsonElement workspace);
            JsonRead.TryGet(me, "subscription", out JsonElement subscription);
            return new AccountInfo
            {
                KeyName = JsonRead.String(key, "name"),
                Scopes = JsonRead.StringArray(key, "scopes"),
                WorkspaceId = JsonRead.String(workspace, "id") ?? JsonRead.String(me, "workspaceId"),
                WorkspaceName = JsonRead.String(workspace, "name"),
                Plan = JsonRead.String(subscription, "plan", "name"),
                MissingScopes = JsonRead.StringArray(me, "missingScopes"),
            };
        }
    }
}
