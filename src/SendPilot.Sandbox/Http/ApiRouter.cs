namespace SendPilot.Sandbox.Http;

internal delegate ApiResult ApiHandler(ApiRequest request);

/// <summary>
/// A tiny method + path-template router ("/campaigns/{id}"). The sandbox routes by hand so that
/// unknown routes answer like the API ("Cannot GET /v1/x") and handlers return results a fault can replace.
/// </summary>
internal sealed class ApiRouter
{
    private readonly List<Route> _routes = [];

    public ApiRouter Map(string method, string template, ApiHandler handler)
    {
        _routes.Add(new Route(method, Split(template), handler));
        return this;
    }

    public ApiRouter Get(string template, ApiHandler handler) => Map("GET", template, handler);
    public ApiRouter Post(string template, ApiHandler handler) => Map("POST", template, handler);
    public ApiRouter Patch(string template, ApiHandler handler) => Map("PATCH", template, handler);
    public ApiRouter Delete(string template, ApiHandler handler) => Map("DELETE", template, handler);

    public (ApiHandler Handler, Dictionary<string, string> Values)? Match(string method, string path)
    {
        var segments = Split(path);
        foreach (var route in _routes)
        {
            if (!string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase)) continue;
            if (TryBind(route.Segments, segments) is { } values) return (route.Handler, values);
        }
        return null;
    }

    private static Dictionary<string, string>? TryBind(string[] template, string[] segments)
    {
        if (template.Length != segments.Length) return null;
        var values = new Dictionary<string, string>();
        for (var i = 0; i < template.Length; i++)
        {
            var part = template[i];
            if (part.StartsWith('{')) values[part[1..^1]] = Uri.UnescapeDataString(segments[i]);
            else if (!string.Equals(part, segments[i], StringComparison.OrdinalIgnoreCase)) return null;
        }
        return values;
    }

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private sealed record Route(string Method, string[] Segments, ApiHandler Handler);
}
