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
    /// <summary>Connects this session to SendPilot with an API key, after checking the key works.</summary>
    [Cmdlet(VerbsCommunications.Connect, "SpAccount")]
    [OutputType(typeof(SpContext))]
    public sealed class ConnectSpAccountCommand : SendPilotCmdlet
    {
        [Parameter(Position = 0)]
        [SecureStringTransformation]
        public SecureString? ApiKey { get; set; }

        [Parameter]
        public Uri? BaseUri { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = SessionConnection.DefaultTimeoutSec;

        [Parameter]
        [ValidateRange(0, 10)]
        public int MaximumRetryCount { get; set; } = SessionConnection.DefaultRetries;

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
                string? fromEnvironment = ConnectionStore.EnvironmentBaseUri();
                Uri? baseUri = BaseUri ?? (fromEnvironment == null ? null : new Uri(fromEnvironment));
                return ConnectionStore.CreateConnection(key, baseUri, TimeoutSec, MaximumRetryCount);
            }
            catch (Exception e) when (e is ArgumentException || e is UriFormatException)
            {
                ThrowTerminatingError(ErrorRecords.Invalid(e.Message, "SendPilot.InvalidConnectionSetting", BaseUri));
                throw; // not reached
            }
        }

        /// <summary>Checks the key with GET /me; where /me does not exist, a one-item campaign list does.</summary>
        private AccountInfo? Verify(SendPilotConnection connection)
        {
            var client = new SendPilotClient(connection, Log);
            try
            {
                return Await(client.GetAccountAsync(Stopping));
            }
            catch (SendPilotApiException notFound) when (notFound.Kind == ApiErrorKind.NotFound)
            {
                WriteVerbose("GET /me is not available; checking the key with a one-campaign list instead.");
                Await(client.GetPageAsync("/campaigns", new System.Collections.Generic.KeyValuePair<string, string>[0], 1, 1, Stopping));
                return null;
            }
        }
    }
}
