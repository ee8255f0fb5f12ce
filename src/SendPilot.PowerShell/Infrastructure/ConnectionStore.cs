using System;
using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;
using SendPilot.Client;
using SendPilot.Client.Http;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>
    /// The default connection of each runspace, and the fallback that automation relies on:
    /// with no Connect-SpAccount, SENDPILOT_API_KEY (and SENDPILOT_BASE_URI) are used.
    /// </summary>
    internal static class ConnectionStore
    {
        public const string KeyVariable = "SENDPILOT_API_KEY";
        public const string BaseUriVariable = "SENDPILOT_BASE_URI";

        private static readonly ConcurrentDictionary<Guid, SessionConnection> ByRunspace = new ConcurrentDictionary<Guid, SessionConnection>();

        // Connections built from the environment, reused while the variables stay the same.
        private static readonly ConcurrentDictionary<string, SessionConnection> FromEnvironment = new ConcurrentDictionary<string, SessionConnection>();

        public static SessionConnection? Current =>
            RunspaceId is Guid id && ByRunspace.TryGetValue(id, out SessionConnection? session) ? session : null;

        /// <summary>The runspace's connection, else one from the environment, else null.</summary>
        public static SessionConnection? CurrentOrEnvironment() => Current ?? EnvironmentConnection();

        public static void Set(SessionConnection session)
        {
            Guid id = RunspaceId ?? Guid.Empty;
            if (ByRunspace.TryGetValue(id, out SessionConnection? previous)) previous.Connection.Dispose();
            ByRunspace[id] = session;
            WatchForClose(id);
        }

        public static bool Remove()
        {
            if (RunspaceId is Guid id && ByRunspace.TryRemove(id, out SessionConnection? session))
            {
                session.Connection.Dispose();
                return true;
            }
            return false;
        }

        public static string? EnvironmentBaseUri() => Nonempty(Environment.GetEnvironmentVariable(BaseUriVariable));

        /// <summary>$env:SENDPILOT_BASE_URI checked as a base URI; a bad value is an error that names the variable.</summary>
        public static Uri? EnvironmentBaseUriValue()
        {
            string? text = EnvironmentBaseUri();
            if (text == null) return null;
            try
            {
                return SendPilotConnection.ValidateBaseUri(new Uri(text));
            }
            catch (Exception e) when (e is UriFormatException || e is ArgumentException)
            {
                throw new ArgumentException($"$env:{BaseUriVariable} is not a usable base URI ({e.Message.TrimEnd('.')}); set it to one like {SendPilotConnection.DefaultBaseUri}, or remove it.", e);
            }
        }

        public static SendPilotConnection CreateConnection(string apiKey, Uri? baseUri, int timeoutSec, int maximumRetryCount) =>
            new SendPilotConnection(apiKey, baseUri, TimeSpan.FromSeconds(timeoutSec),
                new RetryPolicy { MaxRetries = maximumRetryCount }, UserAgent());

        private static SessionConnection? EnvironmentConnection()
        {
            string? key = Nonempty(Environment.GetEnvironmentVariable(KeyVariable));
            if (key == null) return null;
            Uri? baseUri = EnvironmentBaseUriValue();
            string cacheKey = (baseUri?.AbsoluteUri ?? "") + "\n" + key;
            return FromEnvironment.GetOrAdd(cacheKey, _ =>
            {
                var connection = CreateConnection(key, baseUri, SessionConnection.DefaultTimeoutSec, SessionConnection.DefaultRetries);
                return new SessionConnection(connection, "SENDPILOT_API_KEY", null);
            });
        }

        private static string UserAgent()
        {
            string module = typeof(ConnectionStore).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            return $"SendPilot.PowerShell/{module} PowerShell/{EngineVersion()}";
        }

        /// <summary>
        /// $PSVersionTable.PSVersion (7.6.9, 5.1.19041.1): the engine assembly's own version stops at the minor release
        /// (7.6.0), and PSVersionInfo is not public in the reference assemblies, so it is read by name.
        /// </summary>
        private static string EngineVersion()
        {
            var engine = typeof(System.Management.Automation.PSObject).Assembly;
            var version = engine.GetType("System.Management.Automation.PSVersionInfo")?
                .GetProperty("PSVersion", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)?
                .GetValue(null);
            return version?.ToString() ?? engine.GetName().Version?.ToString(3) ?? "";
        }

        private static void WatchForClose(Guid id)
        {
            Runspace? runspace = Runspace.DefaultRunspace;
            if (runspace == null) return;
            runspace.StateChanged += (_, e) =>
            {
                if (e.RunspaceStateInfo.State == RunspaceState.Closed && ByRunspace.TryRemove(id, out SessionConnection? session))
                    session.Connection.Dispose();
            };
        }

        private static Guid? RunspaceId => Runspace.DefaultRunspace?.InstanceId;

        private static string? Nonempty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
