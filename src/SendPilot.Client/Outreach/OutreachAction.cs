namespace SendPilot.Client.Outreach
{
    /// <summary>What a sender is asked to do; each has its own daily LinkedIn quota.</summary>
    public enum OutreachAction
    {
        Message,
        Connection,
    }

    /// <summary>The API's limits on outreach text.</summary>
    public static class OutreachLimits
    {
        public const int MaxMessageLength = 8000;
        public const int MaxNoteLength = 300;
    }
}
