using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using SendPilot.Client;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Completers
{
    /// <summary>One value a completer can offer: the id, and what the user recognises it by.</summary>
    public sealed class CompletionCandidate
    {
        public CompletionCandidate(string value, string label, string toolTip)
        {
            Value = value;
            Label = label;
            ToolTip = toolTip;
        }

        public string Value { get; }
        public string Label { get; }
        public string ToolTip { get; }
    }

    /// <summary>
    /// Completes ids from a live lookup against the session's connection. Answers, and failed lookups, are cached
    /// briefly per connection, lookups give up after a few seconds, and nothing ever throws into the console.
    /// The word typed matches the start of an id or any part of its label (so a campaign name finds its id).
    /// </summary>
    public abstract class LiveCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(60);
        private static readonly TimeSpan FailureLifetime = TimeSpan.FromSeconds(15);
        private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(3);
        private static readonly ConcurrentDictionary<string, (DateTime Until, IReadOnlyList<CompletionCandidate> Items)> Cache =
            new ConcurrentDictionary<string, (DateTime, IReadOnlyList<CompletionCandidate>)>();

        protected abstract IReadOnlyList<CompletionCandidate> Fetch(SendPilotClient client, CancellationToken cancellationToken);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string word = (wordToComplete ?? "").Trim('\'', '"');
            return Candidates()
                .Where(c => c.Value.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                         || c.Label.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                .Select(c => new CompletionResult(c.Value, $"{c.Value}  {c.Label}", CompletionResultType.ParameterValue, c.ToolTip))
                .ToList();
        }

        private IReadOnlyList<CompletionCandidate> Candidates()
        {
            SessionConnection? session;
            try
            {
                session = ConnectionStore.CurrentOrEnvironment();
            }
            catch (Exception)
            {
                return Array.Empty<CompletionCandidate>(); // completion must never break the prompt
            }
            if (session == null) return Array.Empty<CompletionCandidate>();
            string key = GetType().FullName + "|" + session.Connection.BaseUri + "|" + session.Connection.KeyHint;
            if (Cache.TryGetValue(key, out var cached) && DateTime.UtcNow < cached.Until) return cached.Items;
            var (items, lifetime) = Lookup(session);
            Cache[key] = (DateTime.UtcNow + lifetime, items);
            return items;
        }

        // A failed lookup is remembered too (briefly), so a slow or unreachable API costs one timeout, not one per Tab.
        private (IReadOnlyList<CompletionCandidate> Items, TimeSpan Lifetime) Lookup(SessionConnection session)
        {
            try
            {
                using var timeout = new CancellationTokenSource(LookupTimeout);
                return (Fetch(new SendPilotClient(session.Connection), timeout.Token), CacheLifetime);
            }
            catch (Exception)
            {
                return (Array.Empty<CompletionCandidate>(), FailureLifetime);
            }
        }
    }
}
