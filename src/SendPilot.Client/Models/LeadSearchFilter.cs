namespace SendPilot.Client.Models
{
    /// <summary>A filter of the lead database (<c>GET /lead-database/filters</c>): its name is a key of a search's filters.</summary>
    public sealed class LeadSearchFilter : ApiObject
    {
        public string Name { get; set; } = "";
        public string? Type { get; set; }
        public string? Description { get; set; }

        public override string ToString() => Name;
    }

    /// <summary>An allowed value of one lead-database filter (<c>GET /lead-database/filters?filter=…</c>).</summary>
    public sealed class LeadSearchFilterValue : ApiObject
    {
        public string Filter { get; set; } = "";
        public string Value { get; set; } = "";

        /// <summary>What the value means (company_sizes: code 3 is "51-200"); the value itself when the API gives no label.</summary>
        public string? Label { get; set; }

        public override string ToString() => Value;
    }
}
