namespace SendPilot.Sandbox;

/// <summary>The lead database's filter catalog and the values of the filters that have a fixed list.</summary>
internal static class LeadSourcingFilters
{
    public sealed record Filter(string Name, string Type, string Description, IReadOnlyList<(string Value, string Label)> Values);

    private static readonly string[] Cities =
    [
        "Amsterdam", "Athens", "Barcelona", "Berlin", "Bern", "Bordeaux", "Bratislava", "Brussels", "Bucharest", "Budapest",
        "Cologne", "Copenhagen", "Dublin", "Düsseldorf", "Edinburgh", "Frankfurt", "Geneva", "Hamburg", "Helsinki", "Krakow",
        "Lisbon", "Ljubljana", "London", "Lyon", "Madrid", "Manchester", "Milan", "Munich", "Oslo", "Paris",
        "Porto", "Prague", "Riga", "Rome", "Rotterdam", "Seville", "Sofia", "Stockholm", "Stuttgart", "Tallinn",
        "Turin", "Valencia", "Vienna", "Vilnius", "Warsaw", "Zagreb", "Zurich", "Antwerp", "Gothenburg", "Leipzig",
        "Marseille", "Nantes", "Bologna", "Naples", "Gdansk", "Wroclaw", "Brno", "Graz", "Linz", "Basel",
    ];

    private static readonly (string, string)[] CompanySizes =
    [
        ("1", "1-10"), ("2", "11-50"), ("3", "51-200"), ("4", "201-500"), ("5", "501-1000"),
        ("6", "1001-5000"), ("7", "5001-10000"), ("8", "10001-50000"), ("9", "50001+"),
    ];

    public static readonly IReadOnlyList<Filter> Catalog =
    [
        new("job_titles", "list", "Job titles to include", Plain("CTO", "CEO", "Founder", "VP Engineering", "Head of Sales", "Product Lead", "CFO")),
        new("excluded_job_titles", "list", "Job titles to leave out", []),
        new("job_title_match_mode", "enum", "How job_titles match", Plain("exact", "contains", "smart")),
        new("seniority_levels", "list", "Seniority levels", Plain("c_level", "vp", "director", "manager", "senior", "entry")),
        new("locations", "list", "Cities, regions or countries", Plain(Cities)),
        new("excluded_locations", "list", "Locations to leave out", Plain(Cities)),
        new("companies", "list", "Company names", []),
        new("excluded_companies", "list", "Company names to leave out", []),
        new("company_sizes", "list", "Company size codes 1-9", CompanySizes),
        new("industries", "list", "Industries", Plain("Software", "Fintech", "Logistics", "Healthcare", "E-commerce", "Education", "Manufacturing")),
        new("excluded_industries", "list", "Industries to leave out", Plain("Software", "Fintech", "Logistics", "Healthcare", "E-commerce", "Education", "Manufacturing")),
        new("keywords", "list", "Keywords in the profile", []),
        new("technologies_used", "list", "Technologies the company uses", Plain("AWS", "Azure", "Google Cloud", "Kubernetes", "Salesforce", "HubSpot", "Snowflake")),
        new("min_employees", "number", "Smallest company size", []),
        new("max_employees", "number", "Largest company size", []),
    ];

    public static Filter? Find(string name) => Catalog.FirstOrDefault(f => f.Name == name);

    /// <summary>Known names, their excluded_ twins and any min_/max_ range are accepted in a search.</summary>
    public static bool IsAccepted(string name) =>
        Find(name) is not null || name.StartsWith("min_", StringComparison.Ordinal) || name.StartsWith("max_", StringComparison.Ordinal)
        || (name.StartsWith("excluded_", StringComparison.Ordinal) && Find(name["excluded_".Length..]) is not null);

    private static (string, string)[] Plain(params string[] values) => values.Select(v => (v, v)).ToArray();
}
