using System;

namespace SendPilot.PowerShell
{
    /// <summary>A saved connection profile, as Get-SpProfile shows it. The key appears only as its last four characters.</summary>
    public sealed class SpProfile
    {
        public string Name { get; internal set; } = "";
        public string? WorkspaceId { get; internal set; }
        public string? WorkspaceName { get; internal set; }
        public Uri? BaseUri { get; internal set; }

        /// <summary>The key's last four characters, e.g. "…0001".</summary>
        public string ApiKey { get; internal set; } = "";

        /// <summary>DPAPI (Windows, encrypted for the current user) or UserOnlyFile (a file with mode 0600).</summary>
        public string KeyProtection { get; internal set; } = "";

        public string? Proxy { get; internal set; }
        public int TimeoutSec { get; internal set; }
        public int MaximumRetryCount { get; internal set; }
        public DateTimeOffset SavedAt { get; internal set; }

        /// <summary>The profile's file.</summary>
        public string Path { get; internal set; } = "";

        public override string ToString() => Name;
    }
}
