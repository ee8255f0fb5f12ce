using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using SendPilot.Client;
using SendPilot.Client.Http;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>
    /// The default connection of each runspace, and the fallback that automation relies on: with no
    /// Connect-SpAccount, $env:SENDPILOT_PROFILE (a saved profile) or $env:SENDPILOT_API_KEY (and
    /// $env:SENDPILOT_BASE_URI) are used.
    /// </summary>
    internal static class ConnectionStore
    {
        public const string KeyVariable = "SENDPILOT_API_KEY";
        public const string BaseUriVariable = "SENDPILOT_BASE_URI";
        public const string ProfileVariable = "SENDPILOT_PROFILE";

        // Ties a runspace's default to its global variables: ForEach-Object -Parallel resets those
        // when it reuses a runspace, so an earlier iteration's Connect-SpAccount does not carry over.
        private const string MarkVariable = "global:SendPilotDefaultConnection";

        private static readonly ConditionalWeakTable<Runspace, RunspaceDefault> ByRunspace = new ConditionalWeakTable<Runspace, RunspaceDefault>();

        // Connections built from the environment, reused while the variables (or the profile file) stay the same.
        private static readonly ConcurrentDictionary<string, SessionConnection> FromEnvironment = new ConcurrentDictionary<string, SessionConnection>();

        /// <summary>The runspace's default connection (from Connect-SpAccount), else null.</summary>
        public static SessionConnection? Current(SessionState state) => Entry(create: false)?.Get(state.PSVariable.GetValue(MarkVariable));

        /// <summary>The runspace's connection, else one from the environment, else null.</summary>
        public static SessionConnection? CurrentOrEnvironment(SessionState state) => Current(state) ?? EnvironmentConnection();

        /// <summary>The same, for code that runs outside a cmdlet but on the pipeline thread (argument completers).</summary>
        public static SessionConnection? CurrentOrEnvironment()
        {
            RunspaceDefault? entry = Entry(create: false);
            if (entry == null) return EnvironmentConnection();
            // The runspace is busy completing, so its SessionStateProxy refuses; a nested command on it does not.
            using var shell = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
            object? mark = shell.AddScript("$" + MarkVariable).Invoke().FirstOrDefault()?.BaseObject;
            return entry.Get(mark) ?? EnvironmentConnection();
        }

        public static void SetDefault(SessionState state, SessionConnection session) => Entry(create: true)!.Set(state, session);

        /// <summary>Forgets the runspace's default; false when there was none.</summary>
        public static bool RemoveDefault(SessionState state) => Entry(create: false)?.Remove(state) ?? false;

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

        public static string? EnvironmentKey() => Nonempty(Environment.GetEnvironmentVariable(KeyVariable));

        public static string? EnvironmentProfile() => Nonempty(Environment.GetEnvironmentVariable(ProfileVariable));

        public static SendPilotConnection CreateConnection(string apiKey, Uri? baseUri, int timeoutSec, int maximumRetryCount, ProxySettings? proxy = null) =>
            new SendPilotConnection(apiKey, baseUri, TimeSpan.FromSeconds(timeoutSec),
                new RetryPolicy { MaxRetries = maximumRetryCount }, UserAgent(), proxy: proxy);

        private static SessionConnection? EnvironmentConnection()
        {
            string? profile = EnvironmentProfile();
            if (profile != null) return ProfileConnection(profile);
            string? key = EnvironmentKey();
            if (key == null) return null;
            Uri? baseUri = EnvironmentBaseUriValue();
            return Cached("key\n" + (baseUri?.AbsoluteUri ?? "") + "\n" + key, () =>
            {
                var connection = CreateConnection(key, baseUri, SessionConnection.DefaultTimeoutSec, SessionConnection.DefaultRetries);
                return new SessionConnection(connection, KeyVariable, null);
            });
        }

        private static SessionConnection ProfileConnection(string name)
        {
            SavedProfile saved = ProfileStore.Load(name, "$env:" + ProfileVariable);
            return Cached("profile\n" + saved.Path + "\n" + saved.Version, () => saved.Open($"{ProfileVariable} ({name})"));
        }

        /// <summary>The connection made for these settings, or a new one when there is none or it was disconnected.</summary>
        private static SessionConnection Cached(string settings, Func<SessionConnection> open) =>
            FromEnvironment.AddOrUpdate(settings, _ => open(), (_, existing) => existing.Closed ? open() : existing);

        private static RunspaceDefault? Entry(bool create)
        {
            Runspace? runspace = Runspace.DefaultRunspace;
            if (runspace == null) return null;
            if (create) return ByRunspace.GetValue(runspace, RunspaceDefault.WatchClose);
            return ByRunspace.TryGetValue(runspace, out RunspaceDefault? entry) ? entry : null;
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
            var engine = typeof(PSObject).Assembly;
            var version = engine.GetType("System.Management.Automation.PSVersionInfo")?
                .GetProperty("PSVersion", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)?
                .GetValue(null);
            return version?.ToString() ?? engine.GetName().Version?.ToString(3) ?? "";
        }

        private static string? Nonempty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        /// <summary>One runspace's default connection, valid while the runspace's global mark variable still holds its mark.</summary>
        private sealed class RunspaceDefault
        {
            private readonly object _gate = new object();
            private SessionConnection? _session;
            private object? _mark;

            /// <summary>Created once per runspace (not per Connect): closes the default when the runspace closes.</summary>
            public static RunspaceDefault WatchClose(Runspace runspace)
            {
                var entry = new RunspaceDefault();
                runspace.StateChanged += (_, e) =>
                {
                    if (e.RunspaceStateInfo.State == RunspaceState.Closed) entry.Replace(null, null);
                };
                return entry;
            }

            /// <param name="markValue">What the runspace's mark variable holds now.</param>
            public SessionConnection? Get(object? markValue)
            {
                lock (_gate)
                {
                    if (_session == null) return null;
                    if (ReferenceEquals(Unwrap(markValue), _mark)) return _session;
                }
                Replace(null, null); // the runspace was reset (a reused ForEach-Object -Parallel runspace)
                return null;
            }

            public void Set(SessionState state, SessionConnection session)
            {
                var mark = new ConnectionMark(session);
                state.PSVariable.Set(MarkVariable, mark);
                Replace(session, mark);
            }

            /// <summary>Ends the default connection, even one the user holds: they asked to disconnect.</summary>
            public bool Remove(SessionState state)
            {
                SessionConnection? current = Get(state.PSVariable.GetValue(MarkVariable));
                Replace(null, null);
                current?.Close();
                return current != null;
            }

            private void Replace(SessionConnection? session, object? mark)
            {
                SessionConnection? previous;
                lock (_gate)
                {
                    previous = _session;
                    _session = session;
                    _mark = mark;
                }
                if (previous != null && !ReferenceEquals(previous, session)) previous.Release();
            }

            private static object? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject : value;
        }

        /// <summary>What the mark variable holds; shows the workspace rather than a bare object.</summary>
        private sealed class ConnectionMark
        {
            private readonly string _label;

            public ConnectionMark(SessionConnection session) => _label = session.WorkspaceLabel;

            public override string ToString() => "SendPilot default connection: " + _label;
        }
    }
}
