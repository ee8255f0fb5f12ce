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

        private SpContext? _context;

        public SessionConnection(SendPilotConnection connection, string keySource, AccountInfo? account, string? profileName = null)
        {
            Connection = connection;
            KeySource = keySource;
            Account = account;
            ProfileName = profileName;
            ConnectedAt = account == null ? (DateTimeOffset?)null : DateTimeOffset.Now;
            ProxyDescription = connection.Proxy.Describe(connection.BaseUri);
        }

        public SendPilotConnection Connection { get; }
        public string KeySource { get; }
        public AccountInfo? Account { get; }
        public string? ProfileName { get; }
        public DateTimeOffset? ConnectedAt { get; }

        /// <summary>The proxy as it was when the connection was made (the environment is read then).</summary>
        public string ProxyDescription { get; }

        /// <summary>Set once the connection object was handed to the user (-PassThru, Get-SpContext): then only they end it.</summary>
        public bool HandedOut { get; private set; }

        public bool Closed { get; private set; }

        /// <summary>"workspace Acme (ws_acme)", or the base URI when the workspace is not known.</summary>
        public string WorkspaceLabel =>
            Account?.WorkspaceId != null ? $"workspace {Account.WorkspaceName ?? Account.WorkspaceId} ({Account.WorkspaceId})" : $"the workspace at {Connection.BaseUri}";

        /// <summary>The connection object users hold; the same object every time.</summary>
        public SpContext HandOut()
        {
            HandedOut = true;
            return _context ??= ToContext();
        }

        /// <summary>Ends the HTTP connection unless the user holds it (they end it with Disconnect-SpAccount -Connection).</summary>
        public void Release()
        {
            if (!HandedOut) Close();
        }

        public void Close()
        {
            if (Closed) return;
            Closed = true;
            Connection.Dispose();
        }

        private SpContext ToContext() => new SpContext(this)
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
            ProfileName = ProfileName,
            Proxy = ProxyDescription,
            TimeoutSec = (int)Connection.Timeout.TotalSeconds,
            MaximumRetryCount = Connection.Retry.MaxRetries,
            ConnectedAt = ConnectedAt,
        };
    }
}
