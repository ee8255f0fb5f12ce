using SendPilot.Sandbox.Http;

namespace SendPilot.Sandbox.Endpoints;

internal static class CampaignEndpoints
{
    private static readonly Dictionary<string, string?> StatusFilters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["all"] = null, ["active"] = "started", ["started"] = "started",
        ["paused"] = "paused", ["draft"] = "draft", ["finished"] = "finished",
    };

    public static void Map(ApiRouter router) => router
        .Get("/campaigns", List)
        .Get("/campaigns/{id}", Get)
        .Patch("/campaigns/{id}", PauseOrResume);

    private static ApiResult List(ApiRequest r)
    {
        if (Paging.TryRead(r, 20, out var page, out var limit) is { } invalid) return invalid;
        var filter = r.Query("status") ?? "all";
        if (!StatusFilters.TryGetValue(filter, out var status))
            return ApiResult.BadRequest("status must be one of: all, active, paused, draft, finished");

        var campaigns = r.State.Campaigns.All.Where(c => status is null || c.Status == status).ToArray();
        return Paging.Page(r, "campaigns", campaigns, page, limit, c => Summary(r, c));
    }

    private static ApiResult Get(ApiRequest r) =>
        r.State.Campaigns.Find(r.Route("id")) is { } campaign
            ? ApiResult.Ok(Detail(r, campaign))
            : ApiResult.NotFound("Campaign not found");

    private static ApiResult PauseOrResume(ApiRequest r)
    {
        var action = r.BodyString("action");
        var (from, to, eventType) = action switch
        {
            "pause" => ("started", "paused", "campaign.paused"),
            "resume" => ("paused", "started", "campaign.resumed"),
            _ => (null, null, null),
        };
        if (from is null) return ApiResult.BadRequest("Invalid action or campaign state");

        var id = r.Route("id");
        if (!r.State.Campaigns.TryChangeStatus(id, from, to!, r.Now, out var campaign))
            return campaign is null ? ApiResult.NotFound("Campaign not found") : ApiResult.BadRequest("Invalid action or campaign state");

        EmitChange(r, campaign!, eventType!, action == "pause");
        return ApiResult.Ok(new
        {
            success = true,
            campaignId = id,
            action,
            newStatus = StatusText(r, campaign!.Status),
            message = action == "pause" ? "Campaign paused" : "Campaign resumed",
        });
    }

    private static void EmitChange(ApiRequest r, Campaign campaign, string eventType, bool paused)
    {
        var at = Iso.Format(r.Now);
        object data = paused
            ? new { campaignId = campaign.Id, campaignName = campaign.Name, pausedAt = at, pausedBy = "api" }
            : new { campaignId = campaign.Id, campaignName = campaign.Name, resumedAt = at, resumedBy = "api" };
        r.State.Webhooks.Emit(eventType, data, r.Now);
    }

    /// <summary>The old doc generation spells statuses in upper case.</summary>
    private static string StatusText(ApiRequest r, string status) => r.IsLegacy ? status.ToUpperInvariant() : status;

    private static object Summary(ApiRequest r, Campaign c) => new
    {
        c.Id,
        c.Name,
        Status = StatusText(r, c.Status),
        TotalLeads = r.State.Leads.Count(c.Id),
        c.ConnectionsSent,
        c.MessagesSent,
        c.RepliesReceived,
        CreatedAt = Iso.Format(c.CreatedAt),
        UpdatedAt = Iso.Format(c.UpdatedAt),
    };

    private static object Detail(ApiRequest r, Campaign c) => new
    {
        c.Id,
        c.Name,
        Status = StatusText(r, c.Status),
        c.Type,
        c.Description,
        TotalLeads = r.State.Leads.Count(c.Id),
        c.LeadsContacted,
        c.ConnectionsSent,
        c.MessagesSent,
        c.RepliesReceived,
        c.LinkedInSenderIds,
        CreatedAt = Iso.Format(c.CreatedAt),
        UpdatedAt = Iso.Format(c.UpdatedAt),
    };
}
