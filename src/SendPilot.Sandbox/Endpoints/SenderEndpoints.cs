using SendPilot.Sandbox.Http;

namespace SendPilot.Sandbox.Endpoints;

internal static class SenderEndpoints
{
    public static void Map(ApiRouter router) => router
        .Get("/inbox/senders", List)
        .Get("/senders/quotas", Quotas);

    private static ApiResult List(ApiRequest r)
    {
        var senders = r.State.Senders.All
            .Select(s => new { s.Id, s.Name, s.LinkedinUrl, s.Status, s.IsPremium })
            .ToArray();
        return ApiResult.Ok(new { senders, total = senders.Length });
    }

    private static ApiResult Quotas(ApiRequest r)
    {
        var resetsAt = Iso.Format(SenderStore.ResetsAt(r.Now));
        var quotas = r.State.Senders.All.Select(s =>
        {
            var used = r.State.Senders.UsageOf(s.Id);
            return new
            {
                senderId = s.Id,
                messages = Quota(s.DailyMessageLimit, used.MessagesUsed),
                connections = Quota(s.DailyConnectionLimit, used.ConnectionsUsed),
                likes = Quota(s.DailyLikeLimit, used.LikesUsed),
                resetsAt,
            };
        }).ToArray();
        return ApiResult.Ok(new { quotas });
    }

    private static object Quota(int limit, int used) => new { limit, used, remaining = Math.Max(0, limit - used) };
}
