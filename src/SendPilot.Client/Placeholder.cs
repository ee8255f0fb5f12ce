namespace SendPilot.Client { internal static class Placeholder { } }
