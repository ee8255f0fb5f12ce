using SendPilot.Sandbox.Http;

namespace SendPilot.Sandbox.Endpoints;

internal static class AccountEndpoints
{
    public static void Map(ApiRouter router) => router
        .Get("/credits", Credits)
        .Get("/me", Me);

    private static ApiResult Credits(ApiRequest r)
    {
        var c = r.State.Credits;
        var balance = new
        {
            c.Available, c.Subscription, c.Purchased, c.Used, NextResetDate = Iso.Format(c.NextResetDate),
        };
        if (!r.IsLegacy) return ApiResult.Ok(balance);
        return ApiResult.Ok(new
        {
            globalCredits = balance,
            leadDatabase = new { available = 250, used = 50, limit = 300 },
        });
    }

    private static ApiResult Me(ApiRequest r) => ApiResult.Ok(new
    {
        apiKey = new { r.Key.Id, r.Key.Name, r.Key.Prefix, r.Key.Scopes },
        workspace = new { id = r.State.Workspace.Id, name = r.State.Workspace.Name },
        subscription = new { plan = "growth", status = "active" },
        missingScopes = ApiKeys.AllScopes.Except(r.Key.Scopes).ToArray(),
    });
}
