using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>Asks for the API key without echoing it, as Az and Microsoft.Graph do, but only where someone can answer.</summary>
    internal static class KeyPrompt
    {
        /// <summary>The key typed, or null in a non-interactive host (scheduled jobs, -NonInteractive, redirected input).</summary>
        public static string? Ask(PSHost? host)
        {
            if (host?.UI == null || !MayPrompt(host)) return null;
            try
            {
                host.UI.Write("SendPilot API key (SendPilot → Integrations → API Keys): ");
                string key = SecureStrings.ToPlain(host.UI.ReadLineAsSecureString());
                return string.IsNullOrWhiteSpace(key) ? null : key;
            }
            catch (Exception e) when (e is PSInvalidOperationException || e is NotSupportedException || e is NotImplementedException || e is HostException)
            {
                return null; // the host cannot read input (pwsh -NonInteractive, a service host)
            }
        }

        private static bool MayPrompt(PSHost host)
        {
            if (host.Name == "Default Host" || host.Name == "ServerRemoteHost") return false;
            if (host.Name == "ConsoleHost" && Console.IsInputRedirected) return false;
            return !Environment.GetCommandLineArgs().Skip(1).Any(a => a.StartsWith("-noni", StringComparison.OrdinalIgnoreCase));
        }
    }
}
