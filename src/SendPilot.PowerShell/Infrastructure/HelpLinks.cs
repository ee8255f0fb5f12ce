namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>Get-Help -Online targets: the README section of each cmdlet on the project's repository (ProjectUri in the manifest).</summary>
    internal static class HelpLinks
    {
        public const string Readme = "https://github.com/sendpilot-powershell/SendPilot.PowerShell#";

        public const string Connecting = Readme + "connecting";
        public const string SavedProfiles = Readme + "saved-profiles";
        public const string Campaigns = Readme + "campaigns";
        public const string UploadLeads = Readme + "upload-a-csv";
        public const string ReadLeads = Readme + "reading-and-updating-leads";
        public const string SendMessages = Readme + "sending-messages";
        public const string ConnectionRequests = Readme + "connection-requests";
        public const string Senders = Readme + "choosing-the-sender";
        public const string SendLog = Readme + "never-sent-twice-even-across-runs";
        public const string Inbox = Readme + "reading-the-inbox";
        public const string Outreach = Readme + "outreach-messages-connection-requests-senders-and-the-inbox";
        public const string WebhookEvent = Readme + "the-event-object";
        public const string ReceiveWebhooks = Readme + "receive-and-act";
        public const string WebhookSignatures = Readme + "signatures-both-schemes";
        public const string TestWebhooks = Readme + "test-events";
        public const string AnyEndpoint = Readme + "any-other-endpoint";
        public const string FindLeads = Readme + "finding-leads-the-lead-database-and-the-lead-extractor";
    }
}
