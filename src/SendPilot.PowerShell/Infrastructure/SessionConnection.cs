using System;
using SendPilot.Client;
using SendPilot.Client.Models;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>A connection together with what the session knows about it.</summary>
    internal sealed class SessionConnection
    {
        public const int DefaultTimeoutSec = 100;
        public const int DefaultRetries = 4;

        public SessionConnection(SendPilotConnection connection, string keySource, AccountInfo? account)
        {
            Connection = connection;
            KeySource = keySource;
            Account = account;
            ConnectedAt = account == null ? (DateTimeOffset?)null : DateTimeOffset.Now;
        }

        public SendPilotConnection Connection { get; }
        public string KeySource { get; }
        public AccountInfo? Account { get; }
        public DateTimeOffset? ConnectedAt { get; }

        public SpContext ToContext() => new SpContext
        {
            BaseUri = Connection.BaseUri,
            WorkspaceId = Account?.WorkspaceId,
            WorkspaceName = Account?.WorkspaceName,
            Plan = Account?.Plan,
            KeyName = Account?.KeyName,
            Scopes = Account?.Scopes ?? new string[0],
            MissingScopes = Account?.MissingScopes ?? new string[0],
            ApiKey = Connection.KeyHint,
            KeySource = KeySource,
            TimeoutSec = (int)Connection.Timeout.TotalSeconds,
            MaximumRetryCount = Connection.Retry.MaxRetries,
            ConnectedAt = ConnectedAt,
        };
    }
}
