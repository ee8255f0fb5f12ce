using SendPilot.Sandbox.Http;

namespace SendPilot.Sandbox.Endpoints;

/// <summary>Endpoints 1–23 of API.md; the same table serves /v1 and /api/v1.</summary>
internal static class ApiRoutes
{
    public static ApiRouter Build()
    {
        var router = new ApiRouter();
        CampaignEndpoints.Map(router);
        LeadEndpoints.Map(router);
        SenderEndpoints.Map(router);
        ConversationEndpoints.Map(router);
        SendEndpoints.Map(router);
        AccountEndpoints.Map(router);
        LeadDatabaseEndpoints.Map(router);
        LeadExtractorEndpoints.Map(router);
        return router;
    }
}
