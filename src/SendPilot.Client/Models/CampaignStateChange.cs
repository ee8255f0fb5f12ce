namespace SendPilot.Client.Models
{
    /// <summary>The answer to pausing or resuming a campaign.</summary>
    public sealed class CampaignStateChange : ApiObject
    {
        public bool Success { get; set; }
        public string CampaignId { get; set; } = "";
        public string? Action { get; set; }

        private string? _newStatus;
        public string? NewStatus
        {
            get => _newStatus;
            set => _newStatus = value?.ToLowerInvariant();
        }

        public string? Message { get; set; }
    }
}
