namespace SendPilot.PowerShell { internal static class Placeholder { } }
