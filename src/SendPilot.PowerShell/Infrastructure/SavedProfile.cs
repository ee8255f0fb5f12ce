using System;
using System.IO;
using System.Management.Automation;
using System.Text.Json.Serialization;
using SendPilot.Client;
using SendPilot.Client.Http;
using SendPilot.Client.Models;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>What a profile file holds. The key is in <see cref="Key"/> in the form <see cref="KeyProtection"/> names.</summary>
    internal sealed class ProfileData
    {
        [JsonPropertyName("name")] public string Name { get; set; } = "";
        [JsonPropertyName("baseUri")] public string BaseUri { get; set; } = SendPilotConnection.DefaultBaseUri;
        [JsonPropertyName("workspaceId")] public string? WorkspaceId { get; set; }
        [JsonPropertyName("workspaceName")] public string? WorkspaceName { get; set; }
        [JsonPropertyName("timeoutSec")] public int TimeoutSec { get; set; } = SessionConnection.DefaultTimeoutSec;
        [JsonPropertyName("maximumRetryCount")] public int MaximumRetryCount { get; set; } = SessionConnection.DefaultRetries;
        [JsonPropertyName("proxy")] public string? Proxy { get; set; }
        [JsonPropertyName("proxyUseDefaultCredentials")] public bool ProxyUseDefaultCredentials { get; set; }
        [JsonPropertyName("keyHint")] public string KeyHint { get; set; } = "";
        [JsonPropertyName("keyProtection")] public string KeyProtection { get; set; } = "";
        [JsonPropertyName("key")] public string Key { get; set; } = "";
        [JsonPropertyName("savedAt")] public DateTimeOffset SavedAt { get; set; }

        public static ProfileData From(string name, string key, SessionConnection session) => new ProfileData
        {
            Name = name,
            BaseUri = session.Connection.BaseUri.ToString(),
            WorkspaceId = session.Account?.WorkspaceId,
            WorkspaceName = session.Account?.WorkspaceName,
            TimeoutSec = (int)session.Connection.Timeout.TotalSeconds,
            MaximumRetryCount = session.Connection.Retry.MaxRetries,
            Proxy = session.Connection.Proxy.Address?.ToString(),
            ProxyUseDefaultCredentials = session.Connection.Proxy.UseDefaultCredentials,
            KeyHint = session.Connection.KeyHint,
            KeyProtection = Infrastructure.KeyProtection.Method,
            Key = Infrastructure.KeyProtection.Protect(key),
            SavedAt = DateTimeOffset.Now,
        };
    }

    /// <summary>A profile read from disk: its file, and how to open a connection from it.</summary>
    internal sealed class SavedProfile
    {
        public SavedProfile(ProfileData data, string path, string version)
        {
            Data = data;
            Path = path;
            Version = version;
        }

        public ProfileData Data { get; }
        public string Path { get; }

        /// <summary>Changes whenever the file is saved again.</summary>
        public string Version { get; }

        /// <summary>A connection with the saved settings; the workspace is the one remembered, not yet checked.</summary>
        public SessionConnection Open(string keySource) =>
            new SessionConnection(OpenConnection(), keySource, AccountInfo.Remembered(Data.WorkspaceId, Data.WorkspaceName), Data.Name);

        /// <summary>An HTTP connection with the saved key and settings.</summary>
        public SendPilotConnection OpenConnection()
        {
            string key;
            try
            {
                key = KeyProtection.Unprotect(Data.KeyProtection, Data.Key);
            }
            catch (Exception e) when (e is InvalidDataException || e is FormatException || e is System.ComponentModel.Win32Exception)
            {
                throw new TerminatingCmdletError(new ErrorRecord(new InvalidDataException(
                        $"The key of the SendPilot profile '{Data.Name}' in {Path} cannot be read ({e.Message}); save it again with Connect-SpAccount -ApiKey <key> -Save -ProfileName {Data.Name}."),
                    "SendPilot.ProfileKeyUnreadable", ErrorCategory.ReadError, Data.Name));
            }
            var proxy = new ProxySettings(Data.Proxy == null ? null : new Uri(Data.Proxy), null, Data.ProxyUseDefaultCredentials);
            return ConnectionStore.CreateConnection(key, new Uri(Data.BaseUri), Data.TimeoutSec, Data.MaximumRetryCount, proxy);
        }

        public SpProfile ToOutput() => new SpProfile
        {
            Name = Data.Name,
            WorkspaceId = Data.WorkspaceId,
            WorkspaceName = Data.WorkspaceName,
            BaseUri = new Uri(Data.BaseUri),
            ApiKey = Data.KeyHint,
            KeyProtection = Data.KeyProtection,
            Proxy = Data.Proxy,
            TimeoutSec = Data.TimeoutSec,
            MaximumRetryCount = Data.MaximumRetryCount,
            SavedAt = Data.SavedAt,
            Path = Path,
        };
    }
}
