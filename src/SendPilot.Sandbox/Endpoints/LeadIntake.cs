using System.Text.Json;
using SendPilot.Sandbox.Http;

namespace SendPilot.Sandbox.Endpoints;

/// <summary>POST /leads: validates each entry, counts invalid ones and duplicates, stores the rest.</summary>
internal static class LeadIntake
{
    public const int MaxLeadsPerRequest = 100;

    private const string UrlReason = "linkedinUrl must be a LinkedIn profile URL (https://www.linkedin.com/in/<slug>)";

    private static readonly string[] KnownFields =
        ["firstName", "lastName", "title", "company", "email", "industry", "location", "website", "about"];

    public static ApiResult Add(ApiRequest r)
    {
        var campaignId = r.BodyString("campaignId");
        if (r.Body is not { } body || string.IsNullOrWhiteSpace(campaignId)) return ApiResult.BadRequest("Invalid request data");
        if (!body.TryGetProperty("leads", out var leads) || leads.ValueKind != JsonValueKind.Array ||
            leads.GetArrayLength() is 0 or > MaxLeadsPerRequest)
            return ApiResult.BadRequest($"leads must be an array of 1 to {MaxLeadsPerRequest} lead objects");
        if (r.State.Campaigns.Find(campaignId) is null) return ApiResult.NotFound("Campaign not found");

        var keepDetails = r.State.Leads.RetainDetails;
        var accepted = new List<LeadStore.NewLead>(leads.GetArrayLength());
        var errors = new List<LeadError>();
        var index = 0;
        foreach (var entry in leads.EnumerateArray())
        {
            if (TryRead(entry, keepDetails, r.Now, out var lead, out var error)) accepted.Add(lead);
            else errors.Add(error! with { Index = index });
            index++;
        }

        var added = r.State.Leads.AddBatch(campaignId, accepted);
        return ApiResult.Created(new
        {
            success = true,
            leadsAdded = added,
            duplicatesSkipped = accepted.Count - added,
            invalidEntries = errors.Count,
            errors = errors.Count > 0 ? errors : null,
        });
    }

    private static bool TryRead(JsonElement entry, bool keepDetails, DateTimeOffset now,
        out LeadStore.NewLead lead, out LeadError? error)
    {
        lead = default;
        error = null;
        if (entry.ValueKind != JsonValueKind.Object)
        {
            error = new LeadError(0, null, "Lead must be a JSON object");
            return false;
        }

        var rawUrl = entry.TryGetProperty("linkedinUrl", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        var url = LinkedInProfileUrl.TryParse(rawUrl);
        var reason = rawUrl is null ? "linkedinUrl is required" : url is null ? UrlReason : NestedFieldProblem(entry);
        if (reason is not null)
        {
            error = new LeadError(0, rawUrl, reason);
            return false;
        }

        var draft = keepDetails ? Draft(entry, rawUrl!.Trim(), now) : new Lead { Id = "", CampaignId = "", LinkedinUrl = "" };
        lead = new LeadStore.NewLead(url!.Normalized, draft);
        return true;
    }

    private static string? NestedFieldProblem(JsonElement entry)
    {
        foreach (var property in entry.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                return $"Custom field '{property.Name}' must be a string, number or boolean";
        }
        return null;
    }

    private static Lead Draft(JsonElement entry, string linkedinUrl, DateTimeOffset now)
    {
        var known = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var data = new Dictionary<string, object>();
        foreach (var property in entry.EnumerateObject())
        {
            if (property.NameEquals("linkedinUrl") || Scalar(property.Value) is not { } value) continue;
            if (KnownFields.Contains(property.Name, StringComparer.OrdinalIgnoreCase)) known[property.Name] = value.ToString()!;
            else data[property.Name] = value;
        }

        return new Lead
        {
            Id = "",
            CampaignId = "",
            LinkedinUrl = linkedinUrl,
            FirstName = known.GetValueOrDefault("firstName"),
            LastName = known.GetValueOrDefault("lastName"),
            Title = known.GetValueOrDefault("title"),
            Company = known.GetValueOrDefault("company"),
            Email = known.GetValueOrDefault("email"),
            Industry = known.GetValueOrDefault("industry"),
            Location = known.GetValueOrDefault("location"),
            Website = known.GetValueOrDefault("website"),
            About = known.GetValueOrDefault("about"),
            CreatedAt = now,
            UpdatedAt = now,
            Data = data,
        };
    }

    private static object? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? whole : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private sealed record LeadError(int Index, string? LinkedinUrl, string Reason);
}
