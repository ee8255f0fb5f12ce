using System.Text.Json;
using SendPilot.Sandbox.Http;

namespace SendPilot.Sandbox.Endpoints;

/// <summary>Endpoints 17–20: the lead database's filter catalog and its asynchronous, credit-spending searches.</summary>
internal static class LeadDatabaseEndpoints
{
    private const int MaxSearchLimit = 50_000;

    public static void Map(ApiRouter router) => router
        .Get("/lead-database/filters", Filters)
        .Post("/lead-database/searches", Start)
        .Get("/lead-database/searches/{id}/status", Status)
        .Get("/lead-database/searches/{id}/results", Results);

    private static ApiResult Filters(ApiRequest r)
    {
        if (OffsetPaging.TryRead(r, 50, int.MaxValue, out var offset, out var limit) is not null)
            return ApiResult.BadRequest("Unsupported filter or invalid pagination");
        var name = r.Query("filter");
        if (name is null)
        {
            var catalog = LeadSourcingFilters.Catalog.Select(f => new { name = f.Name, type = f.Type, description = f.Description }).ToArray();
            return OffsetPaging.Page("filters", catalog, offset, limit, new Dictionary<string, object?> { ["filter"] = null, ["values"] = Array.Empty<object>() });
        }
        if (LeadSourcingFilters.Find(name) is not { } filter) return ApiResult.BadRequest("Unsupported filter or invalid pagination");
        var search = r.Query("search");
        var values = filter.Values
            .Where(v => search is null || v.Label.Contains(search, StringComparison.OrdinalIgnoreCase) || v.Value.Contains(search, StringComparison.OrdinalIgnoreCase))
            .Select(v => new { value = v.Value, label = v.Label })
            .ToArray();
        return OffsetPaging.Page("values", values, offset, limit, new Dictionary<string, object?> { ["filter"] = name, ["filters"] = Array.Empty<object>() });
    }

    private static ApiResult Start(ApiRequest r)
    {
        var name = r.BodyString("name");
        var limit = LeadSourcingRequests.PositiveInt(r, "limit");
        if (string.IsNullOrWhiteSpace(name) || limit is not (> 0 and <= MaxSearchLimit) || r.Body?.TryGetProperty("filters", out var filters) != true
            || filters.ValueKind != JsonValueKind.Object)
            return ApiResult.BadRequest("Invalid request parameters");
        if (filters.EnumerateObject().Select(f => f.Name).FirstOrDefault(n => !LeadSourcingFilters.IsAccepted(n)) is { } unknown)
            return ApiResult.BadRequest($"Unsupported filter: {unknown}");
        if (!r.State.TrySpendCredits(limit.Value)) return ApiResult.Error(403, "Insufficient quota");

        var job = r.State.LeadSourcing.Create(LeadJobKind.Search, j => j with { Filters = filters.Clone(), WebhookUrl = r.BodyString("webhook_url") },
            limit.Value, limit.Value, name!);
        return ApiResult.Created(new { id = job.Id, name = job.Name, status = "pending", estimated_quota = job.Credits, created_at = Iso.Format(job.CreatedAt) });
    }

    private static ApiResult Status(ApiRequest r)
    {
        if (r.State.LeadSourcing.Find(r.Route("id"), LeadJobKind.Search) is not { } job) return ApiResult.NotFound("Search not found");
        var now = r.Now;
        var phase = job.Phase(now);
        object progress = job.IntegerProgress
            ? job.Percent(now)
            : new { requested = job.Limit, found = job.Found(now), percent_complete = job.Percent(now) };
        var status = new Dictionary<string, object?>
        {
            ["id"] = job.Id,
            ["name"] = job.Name,
            ["status"] = phase,
            ["created_at"] = Iso.Format(job.CreatedAt),
            ["completed_at"] = phase is "completed" or "failed" ? Iso.Format(job.EndsAt) : null,
            ["error_message"] = phase == "failed" ? job.FailWith : null,
            ["progress"] = progress,
            ["totalResults"] = phase == "completed" ? job.Total : null,
        };
        return ApiResult.Ok(status);
    }

    private static ApiResult Results(ApiRequest r)
    {
        if (r.State.LeadSourcing.Find(r.Route("id"), LeadJobKind.Search) is not { } job) return ApiResult.NotFound("Search not found");
        if (OffsetPaging.TryRead(r, 100, OffsetPaging.MaxOffset, out var offset, out var limit) is { } invalid) return invalid;
        if (job.Phase(r.Now) is var phase && phase != "completed") return ApiResult.BadRequest($"Search is not completed (status: {phase})");
        var leads = Enumerable.Range(offset, Math.Max(0, Math.Min(limit, job.Total - offset))).Select(i => LeadSourcingViews.Lead(job, i)).ToArray();
        return OffsetPaging.Answer("search_id", job.Id, leads, job.Total, offset, limit);
    }
}

/// <summary>Offset paging, snake_case: offset, limit → top-level total, limit, offset, has_more.</summary>
internal static class OffsetPaging
{
    /// <summary>The API serves no offset beyond this.</summary>
    public const int MaxOffset = 10_000;

    public static ApiResult? TryRead(ApiRequest request, int defaultLimit, int maxOffset, out int offset, out int limit)
    {
        offset = 0;
        limit = defaultLimit;
        var problems = new List<string>();
        if (request.Query("offset") is { } o && (!int.TryParse(o, out offset) || offset < 0 || offset > maxOffset))
            problems.Add($"offset must be an integer between 0 and {maxOffset}");
        if (request.Query("limit") is { } l && (!int.TryParse(l, out limit) || limit is < 1 or > Paging.MaxLimit))
            problems.Add($"limit must be an integer between 1 and {Paging.MaxLimit}");
        return problems.Count == 0 ? null : ApiResult.Invalid(problems);
    }

    public static ApiResult Page<T>(string listName, IReadOnlyList<T> all, int offset, int limit, Dictionary<string, object?> extra)
    {
        var items = all.Skip(offset).Take(limit).Cast<object>().ToArray();
        var body = new Dictionary<string, object?>(extra) { [listName] = items };
        return Answer(body, all.Count, offset, limit);
    }

    public static ApiResult Answer(string idName, string id, object[] items, int total, int offset, int limit) =>
        Answer(new Dictionary<string, object?> { [idName] = id, ["leads"] = items }, total, offset, limit);

    private static ApiResult Answer(Dictionary<string, object?> body, int total, int offset, int limit)
    {
        body["total"] = total;
        body["limit"] = limit;
        body["offset"] = offset;
        body["has_more"] = offset + limit < total;
        return ApiResult.Ok(body);
    }
}

internal static class LeadSourcingRequests
{
    public static int? PositiveInt(ApiRequest r, string name) =>
        r.Body is { } body && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n > 0
            ? n : null;
}
