namespace SendPilot.Client.Models
{
    /// <summary>The answer to PATCH /leads/{id}/status.</summary>
    public sealed class LeadStatusChange : ApiObject
    {
        public bool Success { get; set; }
        public string LeadId { get; set; } = "";
        public string? Status { get; set; }

        /// <summary>The custom status that was asked for (the API does not echo it).</summary>
        public string? CustomLeadStatus { get; set; }

        public string? Message { get; set; }
    }
}
