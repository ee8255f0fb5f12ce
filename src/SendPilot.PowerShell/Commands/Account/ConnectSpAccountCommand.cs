using System;
using System.Management.Automation;
using System.Net.Http;
using System.Security;
using SendPilot.Client;
using SendPilot.Client.Http;
using SendPilot.Client.Models;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Account
{
    /// <summary>Connects this PowerShell session to SendPilot with an API key, after checking that the key works.</summary>
    /// <remarks>
    /// <para>The connection is the default for every SendPilot cmdlet in this session (runspace). The key is checked with GET /me
    /// (or, where that endpoint does not exist, with a one-campaign list) and is never shown again: Get-SpContext shows only its
    /// last four characters, and it is kept out of every output, verbose, debug and error stream.</para>
    /// <para>Automation does not need this cmdlet: with no connection, every cmdlet uses $env:SENDPILOT_API_KEY and, if set,
    /// $env:SENDPILOT_BASE_URI. Without -ApiKey this cmdlet also reads $env:SENDPILOT_API_KEY.</para>
    /// <para>The base URI must use https://, except for loopback hosts (the local sandbox).</para>
    /// </remarks>
    /// <example>
    /// <code>Connect-SpAccount -ApiKey (Read-Host -AsSecureString 'SendPilot API key')</code>
    /// <para>Prompts for the key without echoing it and connects.</para>
    /// </example>
    /// <example>
    /// <code>Connect-SpAccount -ApiKey $env:SP_KEY -BaseUri http://127.0.0.1:5080/v1 -TimeoutSec 30 -MaximumRetryCount 2 -PassThru</code>
    /// <para>Connects to a local sandbox with a shorter timeout and fewer retries, and shows the resulting context.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Connect, "SpAccount", HelpUri = HelpLinks.Connecting)]
    [OutputType(typeof(SpContext))]
    public sealed class ConnectSpAccountCommand : SendPilotCmdlet
    {
        /// <summary>The API key (SendPilot → Integrations → API Keys). A SecureString; a plain string or a PSCredential (its password) is accepted and converted. Defaults to $env:SENDPILOT_API_KEY.</summary>
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

        /// <summary>Writes the new connection's context (as Get-SpContext shows it).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessItem()
        {
            string keySource = ApiKey != null ? "Connect-SpAccount" : ConnectionStore.KeyVariable;
            string key = ApiKey != null ? SecureStrings.ToPlain(ApiKey) : Environment.GetEnvironmentVariable(ConnectionStore.KeyVariable) ?? "";
            if (string.IsNullOrWhiteSpace(key)) ThrowTerminatingError(ErrorRecords.NoApiKey());

            SendPilotConnection connection = CreateConnection(key);
            AccountInfo? account;
            try
            {
                account = Verify(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }

            var session = new SessionConnection(connection, keySource, account);
            ConnectionStore.Set(session);
            WriteVerbose($"Connected to {connection.BaseUri} as workspace {account?.WorkspaceName ?? account?.WorkspaceId ?? "(unknown)"} with key {connection.KeyHint}.");
            if (PassThru) WriteObject(session.ToContext());
        }

        private SendPilotConnection CreateConnection(string key)
        {
            try
            {
                Uri? baseUri = BaseUri ?? ConnectionStore.EnvironmentBaseUriValue();
                return ConnectionStore.CreateConnection(key, baseUri, TimeoutSec, MaximumRetryCount);
            }
            catch (Exception e) when (e is ArgumentException || e is UriFormatException)
            {
                string target = BaseUri == null ? "$env:" + ConnectionStore.BaseUriVariable : SendPilotConnection.SafeDisplay(BaseUri);
                ThrowTerminatingError(ErrorRecords.Invalid(e.Message, "SendPilot.InvalidConnectionSetting", target));
                throw; // not reached
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
                Await(client.GetPageAsync("/campaigns", new System.Collections.Generic.KeyValuePair<string, string>[0], 1, 1, CancelToken));
                return null;
            }
        }
    }
}
