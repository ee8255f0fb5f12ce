using System;
using System.Collections.Generic;
using SendPilot.Client.Json;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell
{
    /// <summary>
    /// A SendPilot connection: what it is connected to, and the handle that -Connection takes.
    /// The key appears only as its last four characters.
    /// </summary>
    public sealed class SpContext
    {
        internal SpContext(SessionConnection session) => Session = session;

        internal SessionConnection Session { get; }

        public Uri BaseUri { get; internal set; } = new Uri(Client.SendPilotConnection.DefaultBaseUri);
        public string? WorkspaceId { get; internal set; }
        public string? WorkspaceName { get; internal set; }
        public string? Plan { get; internal set; }
        public string? KeyName { get; internal set; }
        private IReadOnlyList<string> _scopes = new PlainList<string>();
        private IReadOnlyList<string> _missingScopes = new PlainList<string>();

        // Plain lists, so Export-Csv writes the scopes rather than a type name.
        public IReadOnlyList<string> Scopes { get => _scopes; internal set => _scopes = new PlainList<string>(value); }
        public IReadOnlyList<string> MissingScopes { get => _missingScopes; internal set => _missingScopes = new PlainList<string>(value); }

        /// <summary>The key's last four characters, e.g. "…0001".</summary>
        public string ApiKey { get; internal set; } = "";

        /// <summary>Where the key came from: Connect-SpAccount, a saved profile, or the SENDPILOT_API_KEY environment variable.</summary>
        public string KeySource { get; internal set; } = "";

        /// <summary>The saved profile this connection came from or was saved as, if any.</summary>
        public string? ProfileName { get; internal set; }

        /// <summary>The proxy in use: "system", "environment (…)", "none" or its URI.</summary>
        public string Proxy { get; internal set; } = "";

        public int TimeoutSec { get; internal set; }
        public int MaximumRetryCount { get; internal set; }
        public DateTimeOffset? ConnectedAt { get; internal set; }

        /// <summary>False once Disconnect-SpAccount ended it.</summary>
        public bool IsOpen => !Session.Closed;

        public override string ToString() => $"SendPilot {Session.WorkspaceLabel} (key {ApiKey})";
    }
}
