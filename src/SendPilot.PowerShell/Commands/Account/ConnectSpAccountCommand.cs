using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using System.Security;
using SendPilot.Client;
using SendPilot.Client.Http;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Account
{
    /// <summary>Connects this PowerShell session to a SendPilot workspace with an API key or a saved profile, after checking that the key works.</summary>
    /// <remarks>
    /// <para>The connection becomes the default for every SendPilot cmdlet in this session (runspace), unless -NotDefault. With -PassThru
    /// the connection object is returned; pass it to any cmdlet's -Connection to work with several workspaces at once. The key is checked
    /// with GET /me (or, where that endpoint does not exist, with a one-campaign list) and is never shown again: only its last four
    /// characters appear, and it is kept out of every output, verbose, debug and error stream.</para>
    /// <para>Without -ApiKey the key comes from the profile named by $env:SENDPILOT_PROFILE, else $env:SENDPILOT_API_KEY; in an
    /// interactive session with neither, the key is asked for without echoing it. Automation does not need this cmdlet at all: with no
    /// connection, every cmdlet uses $env:SENDPILOT_PROFILE or $env:SENDPILOT_API_KEY (and $env:SENDPILOT_BASE_URI).</para>
    /// <para>-Save -ProfileName stores the base URI, workspace, timeout, retry and proxy settings and the key; on Windows the key is
    /// encrypted with DPAPI for the current user, elsewhere the file has mode 0600 (only you can read it). A proxy password is not saved.</para>
    /// <para>Requests go through $env:HTTPS_PROXY (HTTP_PROXY, ALL_PROXY, honouring NO_PROXY) when set, otherwise through the system proxy;
    /// -Proxy overrides both. The base URI must use https://, except for loopback hosts (the local sandbox).</para>
    /// </remarks>
    /// <example>
    /// <code>Connect-SpAccount -ApiKey (Read-Host -AsSecureString 'SendPilot API key')</code>
    /// <para>Prompts for the key without echoing it, connects, and prints one line naming the workspace, the key's last four characters and the base URI.</para>
    /// </example>
    /// <example>
    /// <code>$acme = Connect-SpAccount -ApiKey $acmeKey -PassThru; $globex = Connect-SpAccount -ApiKey $globexKey -PassThru -NotDefault; Get-SpCampaign -Connection $globex</code>
    /// <para>Connects to two workspaces; the first is the default, the second is used where -Connection names it.</para>
    /// </example>
    /// <example>
    /// <code>Connect-SpAccount -ApiKey $key -Save -ProfileName acme; Connect-SpAccount -ProfileName acme</code>
    /// <para>Saves the connection as the profile "acme"; later, in a new PowerShell session, restores it by name.</para>
    /// </example>
    /// <example>
    /// <code>Connect-SpAccount -ApiKey $key -Proxy http://proxy.corp.example:8080 -ProxyCredential (Get-Credential)</code>
    /// <para>Sends every request through the given proxy, with credentials for it.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Connect, "SpAccount", HelpUri = HelpLinks.Connecting)]
    [OutputType(typeof(SpContext))]
    public sealed class ConnectSpAccountCommand : SendPilotCancellableCmdlet
    {
        /// <summary>The API key (SendPilot → Integrations → API Keys). A SecureString; a plain string or a PSCredential (its password) is accepted and converted. Defaults to the profile in $env:SENDPILOT_PROFILE, else $env:SENDPILOT_API_KEY, else a prompt in an interactive session.</summary>
        [Parameter(Position = 0)]
        [SecureStringTransformation]
        public SecureString? ApiKey { get; set; }

        /// <summary>The API's base URI. Defaults to $env:SENDPILOT_BASE_URI, else https://api.sendpilot.ai/v1. Plain http:// is refused except for loopback hosts.</summary>
        [Parameter]
        public Uri? BaseUri { get; set; }

        /// <summary>Seconds to wait for each answer before the attempt counts as timed out (1–3600, default 100).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = SessionConnection.DefaultTimeoutSec;

        /// <summary>Retries after a 408, 429, 500, 502, 503, 504 or transient network error (0–10, default 4). Sends and connects are never repeated once they may have reached SendPilot.</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaximumRetryCount { get; set; } = SessionConnection.DefaultRetries;

        /// <summary>A proxy for every request of this connection (http://host:port), instead of $env:HTTPS_PROXY or the system proxy.</summary>
        [Parameter]
        public Uri? Proxy { get; set; }

        /// <summary>Credentials for the proxy, when it answers 407 Proxy Authentication Required. Not saved with -Save.</summary>
        [Parameter]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        /// <summary>Signs in to the proxy as the current Windows user (NTLM/Kerberos).</summary>
        [Parameter]
        public SwitchParameter ProxyUseDefaultCredentials { get; set; }

        /// <summary>With -Save, the name to save the connection under; without it, the saved profile to connect with (see Get-SpProfile).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProfileName { get; set; }

        /// <summary>Saves this connection's settings and key as the profile named by -ProfileName, replacing one of that name.</summary>
        [Parameter]
        public SwitchParameter Save { get; set; }

        /// <summary>Returns the connection object (as Get-SpContext shows it), for -Connection; the confirmation line is then not written.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Leaves the session's default connection as it is; use the new one through -Connection (with -PassThru).</summary>
        [Parameter]
        public SwitchParameter NotDefault { get; set; }

        /// <summary>Writes no confirmation line.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void ProcessItem()
        {
            CheckCombination();
            string? profile = ProfileToRestore();
            KeyedConnection opened = profile != null ? FromProfile(profile) : FromKey();
            SessionConnection session = Verified(opened);
            if (Save) SaveProfile(session, opened);
            if (!NotDefault) ConnectionStore.SetDefault(SessionState, session);
            if (PassThru) WriteObject(session.HandOut());
            else if (!Quiet) WriteInformation(new HostInformationMessage { Message = Confirmation(session) }, new[] { "PSHOST" });
        }

        private void CheckCombination()
        {
            if (ProfileName != null) ProfileStore.PathOf(ProfileName); // refuses an unusable name before any request
            if (Save && ProfileName == null)
                throw new TerminatingCmdletError(ErrorRecords.Invalid("-Save needs a name to save the connection under: add -ProfileName <name>.", "SendPilot.ProfileNameRequired", null));
            if (!Save && ProfileName != null && (ApiKey != null || BaseUri != null || Proxy != null))
                throw new TerminatingCmdletError(ErrorRecords.Invalid(
                    $"-ProfileName without -Save connects with the saved profile '{ProfileName}', which has its own key and settings; add -Save to replace them, or leave out -ApiKey, -BaseUri and -Proxy.",
                    "SendPilot.ProfileWithSettings", ProfileName));
        }

        /// <summary>-ProfileName without -Save; else $env:SENDPILOT_PROFILE when no key is given.</summary>
        private string? ProfileToRestore()
        {
            if (ProfileName != null) return Save ? null : ProfileName;
            return ApiKey == null ? ConnectionStore.EnvironmentProfile() : null;
        }

        private KeyedConnection FromProfile(string name)
        {
            string namedBy = ProfileName != null ? "-ProfileName" : "$env:" + ConnectionStore.ProfileVariable;
            SavedProfile saved = ProfileStore.Load(name, namedBy);
            return new KeyedConnection(saved.OpenConnection(), null, "profile " + name, name);
        }

        private KeyedConnection FromKey()
        {
            string keySource = "Connect-SpAccount";
            string? key = ApiKey != null ? SecureStrings.ToPlain(ApiKey) : null;
            if (key == null && (key = ConnectionStore.EnvironmentKey()) != null) keySource = ConnectionStore.KeyVariable;
            key ??= KeyPrompt.Ask(Host);
            if (string.IsNullOrWhiteSpace(key)) throw new TerminatingCmdletError(ErrorRecords.NoApiKey());
            return new KeyedConnection(CreateConnection(key!), key, keySource, Save ? ProfileName : null);
        }

        private SendPilotConnection CreateConnection(string key)
        {
            ProxySettings proxy = ProxyFromParameters();
            try
            {
                Uri? baseUri = BaseUri ?? ConnectionStore.EnvironmentBaseUriValue();
                return ConnectionStore.CreateConnection(key, baseUri, TimeoutSec, MaximumRetryCount, proxy);
            }
            catch (Exception e) when (e is ArgumentException || e is UriFormatException)
            {
                string target = BaseUri == null ? "$env:" + ConnectionStore.BaseUriVariable : SendPilotConnection.SafeDisplay(BaseUri);
                throw new TerminatingCmdletError(ErrorRecords.Invalid(e.Message, "SendPilot.InvalidConnectionSetting", target));
            }
        }

        private ProxySettings ProxyFromParameters()
        {
            try
            {
                return new ProxySettings(Proxy, ProxyCredential?.GetNetworkCredential(), ProxyUseDefaultCredentials);
            }
            catch (ArgumentException e)
            {
                throw new TerminatingCmdletError(ErrorRecords.Invalid(e.Message, "SendPilot.InvalidConnectionSetting", Proxy));
            }
        }

        private SessionConnection Verified(KeyedConnection opened)
        {
            try
            {
                AccountInfo? account = Verify(opened.Connection);
                return new SessionConnection(opened.Connection, opened.KeySource, account, opened.ProfileName);
            }
            catch
            {
                opened.Connection.Dispose();
                throw;
            }
        }

        /// <summary>Checks the key with GET /me; where /me does not exist, a one-item campaign list does.</summary>
        private AccountInfo? Verify(SendPilotConnection connection)
        {
            var client = new SendPilotClient(connection, Log);
            try
            {
                return Await(client.GetAccountAsync(CancelToken));
            }
            catch (SendPilotApiException notFound) when (notFound.Kind == ApiErrorKind.NotFound)
            {
                WriteVerbose("GET /me is not available; checking the key with a one-campaign list instead.");
                Await(client.GetPageAsync("/campaigns", new KeyValuePair<string, string>[0], 1, 1, CancelToken));
                return null;
            }
        }

        private void SaveProfile(SessionConnection session, KeyedConnection opened)
        {
            ProfileStore.Save(ProfileData.From(ProfileName!, opened.Key!, session));
            WriteVerbose($"Saved the profile '{ProfileName}' to {ProfileStore.PathOf(ProfileName!)} (key protection: {KeyProtection.Method}).");
        }

        private static string Confirmation(SessionConnection session) =>
            $"Connected to {session.WorkspaceLabel} with key {session.Connection.KeyHint} at {session.Connection.BaseUri}" +
            (session.ProfileName == null ? "." : $" (profile {session.ProfileName}).");

        /// <summary>A new HTTP connection with where its key came from; the key itself only when it may be saved.</summary>
        private sealed class KeyedConnection
        {
            public KeyedConnection(SendPilotConnection connection, string? key, string keySource, string? profileName)
            {
                Connection = connection;
                Key = key;
                KeySource = keySource;
                ProfileName = profileName;
            }

            public SendPilotConnection Connection { get; }
            public string? Key { get; }
            public string KeySource { get; }
            public string? ProfileName { get; }
        }
    }
}
