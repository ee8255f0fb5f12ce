using SendPilot.Sandbox.Http;

namespace SendPilot.Sandbox.Endpoints;

internal static class LeadEndpoints
{
    private static readonly HashSet<string> SettableStatuses = new(StringComparer.OrdinalIgnoreCase)
        { "OPPORTUNITY", "MEETING_BOOKED", "DONE", "UNSUBSCRIBED", "IRRELEVANT", "NOT_INTERESTED" };

    private static readonly HashSet<string> CustomStatuses = new(StringComparer.OrdinalIgnoreCase)
    {
        "LEAD", "INTERESTED", "MEETING_BOOKED", "MEETING_COMPLETE_NOT_CLOSED", "CLOSED", "WRONG_PERSON",
        "NOT_INTERESTED", "NO_RESPONSE",
    };

    public static void Map(ApiRouter router) => router
        .Get("/leads", List)
        .Get("/leads/{id}", Get)
        .Post("/leads", LeadIntake.Add)
        .Patch("/leads/{id}/status", SetStatus);

    private static ApiResult List(ApiRequest r)
    {
        var campaignId = r.Query("campaignId");
        if (campaignId is null) return ApiResult.BadRequest("campaignId is required");
        if (Paging.TryRead(r, 50, out var page, out var limit) is { } invalid) return invalid;
        if (r.State.Campaigns.Find(campaignId) is null) return ApiResult.NotFound("Campaign not found");

        var status = r.Query("status");
        var full = r.QueryFlag("full");
        var leads = r.State.Leads.InCampaign(campaignId)
            .Where(l => status is null || string.Equals(l.Status, status, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        return Paging.Page(r, "leads", leads, page, limit, l => LeadView.Of(l, full));
    }

    private static ApiResult Get(ApiRequest r) =>
        r.State.Leads.Find(r.Route("id")) is { } lead
            ? ApiResult.Ok(LeadView.Of(lead, r.QueryFlag("full")))
            : ApiResult.NotFound("Lead not found");

    private static ApiResult SetStatus(ApiRequest r)
    {
        var status = r.BodyString("status");
        var custom = r.BodyString("customLeadStatus");
        if (status is null && custom is null) return ApiResult.BadRequest("status or customLeadStatus is required");

        var problems = new List<string>();
        if (status is not null && !SettableStatuses.Contains(status))
            problems.Add($"status must be one of: {string.Join(", ", SettableStatuses)}");
        if (custom is not null && !CustomStatuses.Contains(custom))
            problems.Add($"customLeadStatus must be one of: {string.Join(", ", CustomStatuses)}");
        if (problems.Count > 0) return ApiResult.Invalid(problems);

        var id = r.Route("id");
        var previous = r.State.Leads.Find(id);
        var updated = r.State.Leads.Update(id, lead => lead with
        {
            Status = status?.ToUpperInvariant() ?? lead.Status,
            CustomLeadStatus = custom?.ToUpperInvariant() ?? lead.CustomLeadStatus,
            Note = r.BodyString("note") ?? lead.Note,
            UpdatedAt = r.Now,
        });
        if (previous is null || updated is null) return ApiResult.NotFound("Lead not found");

        r.State.Webhooks.Emit("lead.updated", new
        {
            leadId = id, campaignId = updated.CampaignId, linkedinUrl = updated.LinkedinUrl,
            previousStatus = previous.Status, newStatus = updated.Status, changedBy = "api",
        }, r.Now);
        return ApiResult.Ok(new { success = true, leadId = id, status = updated.Status, message = "Lead status updated" });
    }
}

internal static class LeadView
{
    public static object Of(Lead l, bool full) => full ? Full(l) : Basic(l);

    private static object Basic(Lead l) => new
    {
        l.Id, l.LinkedinUrl, l.Status, l.FirstName, l.LastName, l.Title, l.Company, l.CampaignId,
        CreatedAt = Iso.Format(l.CreatedAt), UpdatedAt = Iso.Format(l.UpdatedAt),
    };

    private static object Full(Lead l) => new
    {
        l.Id, l.LinkedinUrl, l.Status, l.FirstName, l.LastName, l.Title, l.Company, l.CampaignId,
        CreatedAt = Iso.Format(l.CreatedAt), UpdatedAt = Iso.Format(l.UpdatedAt),
        l.CustomLeadStatus, l.SenderId, l.Email, l.Industry, l.Location, l.Website, l.About,
        l.ProfilePictureUrl, l.ConnectionCount, l.FollowerCount, l.IsOpenProfile, l.IsPremium, l.Data,
    };
}
