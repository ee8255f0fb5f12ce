using System.Text.Json;

namespace SendPilot.Sandbox;

/// <summary>
/// Deterministic, realistic people for a job: the same job sequence and index always give the same
/// person, and a search's job_titles and locations filters show in its leads.
/// </summary>
internal static class LeadGenerator
{
    private static readonly string[] FirstNames =
        ["Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hannes", "Ida", "Jan", "Katja", "Lukas", "Mila", "Noah"];
    private static readonly string[] LastNames =
        ["Müller", "Schmidt", "Novak", "Rossi", "Dupont", "Larsen", "Kowalski", "Silva", "Weber", "Haas", "Moreau"];
    private static readonly string[] Companies = ["Nordwind", "Brightlane", "Quantix", "Helio Labs", "Parcel & Co", "Stackwise", "Lumenor"];
    private static readonly string[] Titles = ["CTO", "VP Engineering", "Head of Sales", "Founder", "Product Lead", "CFO"];
    private static readonly (string City, string Country)[] Places =
        [("Berlin", "Germany"), ("Munich", "Germany"), ("Paris", "France"), ("Amsterdam", "Netherlands"), ("London", "United Kingdom"), ("Lisbon", "Portugal")];
    private static readonly string[] Industries = ["Software", "Fintech", "Logistics", "Healthcare", "E-commerce"];
    private static readonly string[] Seniorities = ["c_level", "vp", "director", "manager", "senior"];

    public static Dictionary<string, object?> DatabaseLead(LeadJob job, int index)
    {
        var person = Person(job, index);
        var (city, country) = PlaceOf(job, index);
        return new Dictionary<string, object?>
        {
            ["id"] = $"ldb_{job.Sequence}_{index + 1}",
            ["first_name"] = person.First,
            ["last_name"] = person.Last,
            ["full_name"] = $"{person.First} {person.Last}",
            ["email"] = person.Email,
            ["phone"] = $"+49 30 {1000000 + job.Sequence * 7919 + index:D7}",
            ["linkedin_url"] = person.Url,
            ["job_title"] = TitleOf(job, index),
            ["company"] = person.Company,
            ["location"] = $"{city}, {country}",
            ["country"] = country,
            ["industry"] = Industries[index % Industries.Length],
            ["seniority"] = Seniorities[index % Seniorities.Length],
            ["company_linkedin_url"] = $"https://www.linkedin.com/company/{Slug(person.Company)}",
            ["website"] = $"https://{Slug(person.Company)}.example",
            ["employees"] = 10 + index % 9 * 50,
        };
    }

    public static Dictionary<string, object?> ExtractedLead(LeadJob job, int index)
    {
        var person = Person(job, index);
        var (city, country) = Places[index % Places.Length];
        var title = Titles[index % Titles.Length];
        return new Dictionary<string, object?>
        {
            ["id"] = $"lxl_{job.Sequence}_{index + 1}",
            ["linkedin_identifier"] = person.Slug,
            ["linkedin_url"] = person.Url,
            ["first_name"] = person.First,
            ["last_name"] = person.Last,
            ["full_name"] = $"{person.First} {person.Last}",
            ["headline"] = $"{title} at {person.Company}",
            ["summary"] = $"{title} building {Industries[index % Industries.Length].ToLowerInvariant()} products.",
            ["location"] = $"{city}, {country}",
            ["city"] = city,
            ["country"] = country,
            ["profile_picture_url"] = $"https://media.licdn.example/{person.Slug}.jpg",
            ["company"] = person.Company,
            ["job_position"] = title,
            ["email"] = IsEnriched(job, index) ? person.Email : null,
        };
    }

    /// <summary>With enrichment, two people in three get an email; extraction only never does.</summary>
    public static bool IsEnriched(LeadJob job, int index) => job.Mode == "with_enrichment" && index % 3 != 2;

    private static (string First, string Last, string Company, string Slug, string Url, string Email) Person(LeadJob job, int index)
    {
        var first = FirstNames[(index + job.Sequence) % FirstNames.Length];
        var last = LastNames[(index / FirstNames.Length + job.Sequence) % LastNames.Length];
        var company = Companies[index % Companies.Length];
        var slug = $"{Slug(first)}-{Slug(last)}-{job.Sequence}x{index + 1}";
        return (first, last, company, slug, $"https://www.linkedin.com/in/{slug}",
            $"{Slug(first)}.{Slug(last)}.{index + 1}@{Slug(company)}.example");
    }

    private static string TitleOf(LeadJob job, int index) =>
        FilterValues(job, "job_titles") is { Count: > 0 } titles ? titles[index % titles.Count] : Titles[index % Titles.Length];

    private static (string City, string Country) PlaceOf(LeadJob job, int index)
    {
        if (FilterValues(job, "locations") is not { Count: > 0 } locations) return Places[index % Places.Length];
        var city = locations[index % locations.Count];
        var known = Places.FirstOrDefault(p => string.Equals(p.City, city, StringComparison.OrdinalIgnoreCase));
        return (city, known.Country ?? "Germany");
    }

    private static List<string>? FilterValues(LeadJob job, string name)
    {
        if (job.Filters is not { } filters || !filters.TryGetProperty(name, out var values) || values.ValueKind != JsonValueKind.Array)
            return null;
        return values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList();
    }

    private static string Slug(string text)
    {
        var plain = text.ToLowerInvariant().Replace("ü", "ue").Replace("&", "and");
        return string.Concat(plain.Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-').Replace("--", "-");
    }
}
