using System.Text.Json;
using SendPilot.Sandbox.Hosting;
using SendPilot.Sandbox.Http;

namespace SendPilot.Sandbox.Endpoints;

/// <summary>/_admin/…: no key, loopback only. Drives the sandbox from scripts and other processes.</summary>
internal static class AdminEndpoints
{
    private static int _seedBatch;

    public static ApiRouter Build(SandboxHost host) => new ApiRouter()
        .Post("/faults", r => AddFault(host, r))
        .Get("/faults", _ => ApiResult.Ok(new { faults = host.Faults.Rules }))
        .Delete("/faults", _ => Done(host.Faults.Clear))
        .Get("/requests", r => Requests(host, r))
        .Delete("/requests", _ => Done(host.Log.Clear))
        .Post("/reset", _ => Done(host.Reset))
        .Post("/seed/leads", r => SeedLeads(host, r))
        .Post("/connections", r => SetConnection(host, r))
        .Post("/webhooks", r => ConfigureWebhooks(host, r))
        .Delete("/webhooks", _ => Done(host.State.Webhooks.Clear))
        .Get("/webhooks/deliveries", _ => ApiResult.Ok(new { deliveries = host.State.Webhooks.Deliveries }))
        .Post("/lead-sourcing", r => LeadSourcingAdmin.Configure(host.State, r))
        .Post("/credits", r => LeadSourcingAdmin.SetCredits(host.State, r));

    private static ApiResult Done(Action action)
    {
        action();
        return ApiResult.Ok(new { success = true });
    }

    private static ApiResult AddFault(SandboxHost host, ApiRequest r)
    {
        if (Read<FaultRule>(r) is not { } rule) return ApiResult.BadRequest("Body must be a FaultRule object");
        host.Faults.Add(rule);
        return ApiResult.Created(new { success = true, rule = rule.ToString() });
    }

    private static ApiResult Requests(SandboxHost host, ApiRequest r)
    {
        var method = r.Query("method");
        var path = r.Query("path") ?? "*";
        var requests = host.Log.Snapshot()
            .Where(e => Glob.MethodMatches(method, e.Method) && Glob.IsMatch(path, e.Path))
            .ToArray();
        return ApiResult.Ok(new { requests, total = requests.Length, count = host.Log.Count(method, path) });
    }

    /// <summary>Bulk-adds generated leads: {campaignId, count, status?}.</summary>
    private static ApiResult SeedLeads(SandboxHost host, ApiRequest r)
    {
        var campaignId = r.BodyString("campaignId");
        var count = r.Body is { } b && b.TryGetProperty("count", out var c) && c.TryGetInt32(out var n) ? n : 0;
        if (campaignId is null || count < 1) return ApiResult.BadRequest("campaignId and a positive count are required");
        if (host.State.Campaigns.Find(campaignId) is null) return ApiResult.NotFound("Campaign not found");

        var status = r.BodyString("status") ?? "PENDING";
        var batch = Interlocked.Increment(ref _seedBatch);
        var now = r.Now;
        var leads = Enumerable.Range(1, count).Select(i =>
        {
            var url = $"https://www.linkedin.com/in/seed-{batch}-{i}";
            var lead = new Lead
            {
                Id = "", CampaignId = "", LinkedinUrl = url, Status = status,
                FirstName = "Seed", LastName = $"Lead{i}", CreatedAt = now, UpdatedAt = now,
            };
            return new LeadStore.NewLead(url, lead);
        }).ToArray();
        var added = host.State.Leads.AddBatch(campaignId, leads);
        return ApiResult.Created(new { success = true, leadsAdded = added, totalLeads = host.State.Leads.Count(campaignId) });
    }

    private static ApiResult SetConnection(SandboxHost host, ApiRequest r)
    {
        var url = LinkedInProfileUrl.TryParse(r.BodyString("linkedinUrl"));
        if (url is null || r.Body?.TryGetProperty("connected", out var flag) != true || flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            return ApiResult.BadRequest("linkedinUrl (a profile URL) and connected (true/false) are required");
        host.State.Connections.Override(url, flag.GetBoolean());
        return ApiResult.Ok(new { success = true, linkedinUrl = url.Normalized, connected = flag.GetBoolean() });
    }

    private static ApiResult ConfigureWebhooks(SandboxHost host, ApiRequest r)
    {
        var url = r.BodyString("url");
        var secret = r.BodyString("secret");
        var scheme = (r.BodyString("scheme") ?? "svix").ToLowerInvariant();
        if (!Uri.TryCreate(url, UriKind.Absolute, out _) || string.IsNullOrEmpty(secret) || scheme is not ("svix" or "docs"))
            return ApiResult.BadRequest("url, secret and scheme (\"svix\" or \"docs\") are required");
        if (scheme == "svix" && !IsBase64(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret))
            return ApiResult.BadRequest("A svix secret is \"whsec_\" followed by base64");
        host.State.Webhooks.Configure(new WebhookConfig(url!, secret, scheme));
        return ApiResult.Ok(new { success = true });
    }

    private static bool IsBase64(string text) => Convert.TryFromBase64String(text, new byte[text.Length], out _);

    private static T? Read<T>(ApiRequest r) where T : class
    {
        if (r.BodyText is null || r.Body is null) return null;
        try
        {
            return SandboxJson.Deserialize<T>(r.BodyText);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
