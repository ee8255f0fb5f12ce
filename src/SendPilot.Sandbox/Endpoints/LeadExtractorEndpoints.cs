using System.Text.Json;
using SendPilot.Sandbox.Http;

namespace SendPilot.Sandbox.Endpoints;

/// <summary>Endpoints 21–23: extraction of people from LinkedIn or Sales Navigator search URLs, as asynchronous jobs.</summary>
internal static class LeadExtractorEndpoints
{
    private const int MaxLimit = 25_000;
    private static readonly string[] UrlTypes = ["linkedin_search", "sales_navigator"];
    private static readonly string[] Modes = ["extraction_only", "with_enrichment"];

    public static void Map(ApiRouter router) => router
        .Post("/lead-extractor/campaigns", Start)
        .Get("/lead-extractor/campaigns/{id}/status", Status)
        .Get("/lead-extractor/campaigns/{id}/results", Results);

    private static ApiResult Start(ApiRequest r)
    {
        var name = r.BodyString("name");
        var urlType = r.BodyString("url_type");
        var mode = r.BodyString("mode");
        var limit = LeadSourcingRequests.PositiveInt(r, "limit");
        var urls = Urls(r);
        if (string.IsNullOrWhiteSpace(name) || !UrlTypes.Contains(urlType) || !Modes.Contains(mode) || limit is not (> 0 and <= MaxLimit)
            || urls is not { Count: > 0 })
            return ApiResult.BadRequest("Invalid request parameters");
        var credits = mode == "with_enrichment" ? limit.Value * 2 : limit.Value;
        if (!r.State.TrySpendCredits(credits)) return ApiResult.Error(403, "Insufficient credits");

        var job = r.State.LeadSourcing.Create(LeadJobKind.Extraction,
            j => j with { UrlType = urlType, Mode = mode, Urls = urls, WebhookUrl = r.BodyString("webhook_url") }, credits, limit.Value, name!);
        return ApiResult.Created(new { id = job.Id, name = job.Name, status = "PENDING", estimated_credits = job.Credits, created_at = Iso.Format(job.CreatedAt) });
    }

    /// <summary>The urls array when every entry is an https LinkedIn URL; null otherwise.</summary>
    private static List<string>? Urls(ApiRequest r)
    {
        if (r.Body?.TryGetProperty("urls", out var array) != true || array.ValueKind != JsonValueKind.Array) return null;
        var urls = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !Uri.TryCreate(item.GetString(), UriKind.Absolute, out var uri)
                || uri.Scheme != Uri.UriSchemeHttps || !(uri.Host == "linkedin.com" || uri.Host.EndsWith(".linkedin.com", StringComparison.Ordinal)))
                return null;
            urls.Add(uri.AbsoluteUri);
        }
        return urls;
    }

    private static ApiResult Status(ApiRequest r)
    {
        if (r.State.LeadSourcing.Find(r.Route("id"), LeadJobKind.Extraction) is not { } job) return ApiResult.NotFound("Campaign not found");
        var now = r.Now;
        var phase = job.Phase(now);
        var found = job.Found(now);
        return ApiResult.Ok(new Dictionary<string, object?>
        {
            ["id"] = job.Id,
            ["name"] = job.Name,
            ["status"] = LeadSourcingViews.Status(job, now),
            ["progress"] = new
            {
                extracted = found,
                enriched = Enumerable.Range(0, found).Count(i => LeadGenerator.IsEnriched(job, i)),
                requested = job.Limit,
                percent_complete = job.Percent(now),
            },
            ["created_at"] = Iso.Format(job.CreatedAt),
            ["completed_at"] = phase is "completed" or "failed" ? Iso.Format(job.EndsAt) : null,
            ["error_message"] = phase == "failed" ? job.FailWith : null,
        });
    }

    private static ApiResult Results(ApiRequest r)
    {
        if (r.State.LeadSourcing.Find(r.Route("id"), LeadJobKind.Extraction) is not { } job) return ApiResult.NotFound("Campaign not found");
        if (OffsetPaging.TryRead(r, 100, OffsetPaging.MaxOffset, out var offset, out var limit) is { } invalid) return invalid;
        if (job.Phase(r.Now) is var phase && phase != "completed")
            return ApiResult.BadRequest($"Campaign is not finished (status: {LeadSourcingViews.Status(job, r.Now)})");
        var enrichedOnly = r.Query("enriched_only") is "true" or "1";
        var indexes = Enumerable.Range(0, job.Total).Where(i => !enrichedOnly || LeadGenerator.IsEnriched(job, i)).ToArray();
        var leads = indexes.Skip(offset).Take(limit).Select(i => LeadSourcingViews.Lead(job, i)).ToArray();
        return OffsetPaging.Answer("campaign_id", job.Id, leads, indexes.Length, offset, limit);
    }
}
