using System;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>No API key in the session or the environment: a local condition, raised before any request.</summary>
    public sealed class SendPilotNotConnectedException : InvalidOperationException
    {
        internal const string Remedy =
            "Run Connect-SpAccount -ApiKey <key> (or -ProfileName <saved profile>), or for automation set $env:SENDPILOT_API_KEY (and optionally $env:SENDPILOT_BASE_URI) or $env:SENDPILOT_PROFILE.";

        public SendPilotNotConnectedException() : base("There is no SendPilot API key in this session or in $env:SENDPILOT_API_KEY, so no request was made. " + Remedy) { }
    }
}
