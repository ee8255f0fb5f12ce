using System.Text;
using SendPilot.Sandbox.Http;

namespace SendPilot.Sandbox.Endpoints;

/// <summary>Page-style paging (page/limit), shaped per doc generation.</summary>
internal static class Paging
{
    public const int MaxLimit = 100;

    /// <summary>Reads page (≥1) and limit (1–100); returns a 400 result when either is out of range.</summary>
    public static ApiResult? TryRead(ApiRequest request, int defaultLimit, out int page, out int limit)
    {
        page = 1;
        limit = defaultLimit;
        var problems = new List<string>();
        if (request.Query("page") is { } p && (!int.TryParse(p, out page) || page < 1))
            problems.Add("page must be a positive integer");
        if (request.Query("limit") is { } l && (!int.TryParse(l, out limit) || limit is < 1 or > MaxLimit))
            problems.Add($"limit must be an integer between 1 and {MaxLimit}");
        return problems.Count == 0 ? null : ApiResult.Invalid(problems);
    }

    /// <summary>
    /// Current: {"&lt;listName&gt;":[…],"pagination":{page,limit,total,totalPages}};
    /// legacy: {"data":[…],"meta":{total,page,limit,totalPages}}.
    /// </summary>
    public static ApiResult Page<T>(ApiRequest request, string listName, IReadOnlyList<T> all, int page, int limit, Func<T, object> view)
    {
        var items = all.Skip((page - 1) * limit).Take(limit).Select(view).ToArray();
        var total = all.Count;
        var totalPages = (total + limit - 1) / limit;
        if (request.IsLegacy)
            return ApiResult.Ok(new { data = items, meta = new { total, page, limit, totalPages } });
        return ApiResult.Ok(new Dictionary<string, object>
        {
            [listName] = items,
            ["pagination"] = new { page, limit, total, totalPages },
        });
    }
}

/// <summary>Continuation paging (limit/continuationToken) for the inbox.</summary>
internal static class Continuation
{
    public const int DefaultLimit = 20;

    /// <summary>Production answers 500 from limit 50 up; the sandbox does the same so clients learn to page by 20.</summary>
    public const int BreakingLimit = 50;

    public static ApiResult? TryRead(ApiRequest request, out int offset, out int limit)
    {
        offset = 0;
        limit = DefaultLimit;
        if (request.Query("limit") is { } l && (!int.TryParse(l, out limit) || limit < 1))
            return ApiResult.BadRequest("limit must be a positive integer");
        if (limit >= BreakingLimit) return ApiResult.Error(500, "Internal server error");
        if (request.Query("continuationToken") is { } token && !TryDecode(token, out offset))
            return ApiResult.BadRequest("Invalid continuationToken");
        return null;
    }

    public static ApiResult Page<T>(string listName, IReadOnlyList<T> all, int offset, int limit, Func<T, object> view)
    {
        var items = all.Skip(offset).Take(limit).Select(view).ToArray();
        var hasMore = offset + limit < all.Count;
        return ApiResult.Ok(new Dictionary<string, object>
        {
            [listName] = items,
            ["pagination"] = new Dictionary<string, object?>
            {
                ["continuationToken"] = hasMore ? Encode(offset + limit) : null,
                ["hasMore"] = hasMore,
                ["limit"] = limit,
            },
        });
    }

    private static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"offset:{offset}")).TrimEnd('=');

    private static bool TryDecode(string token, out int offset)
    {
        offset = 0;
        try
        {
            var padded = token.PadRight(token.Length + (4 - token.Length % 4) % 4, '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            return text.StartsWith("offset:", StringComparison.Ordinal) && int.TryParse(text[7..], out offset) && offset >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
