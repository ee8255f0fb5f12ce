using System.Text.Json;

namespace SendPilot.Sandbox.Http;

/// <summary>What a handler sees of one request: route values, query, parsed JSON body, and the state.</summary>
internal sealed class ApiRequest
{
    private readonly IQueryCollection _query;

    public ApiRequest(SandboxState state, ApiGeneration generation, string method, string path,
        IQueryCollection query, string? bodyText)
    {
        State = state;
        Generation = generation;
        Method = method;
        Path = path;
        _query = query;
        BodyText = bodyText;
        Body = ParseObject(bodyText);
    }

    public SandboxState State { get; }
    public ApiGeneration Generation { get; }
    public bool IsLegacy => Generation == ApiGeneration.Legacy;
    public string Method { get; }
    public string Path { get; }
    public string? BodyText { get; }
    public ApiKeyInfo Key { get; set; } = null!;
    public IReadOnlyDictionary<string, string> RouteValues { get; set; } = new Dictionary<string, string>();

    /// <summary>The body when it is a JSON object; null when absent, malformed or another JSON kind.</summary>
    public JsonElement? Body { get; }

    public DateTimeOffset Now => State.Now();

    public string Route(string name) => RouteValues[name];

    public string? Query(string name)
    {
        var value = _query[name].ToString();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public bool QueryFlag(string name) => bool.TryParse(Query(name), out var flag) && flag;

    /// <summary>A string property of the body; numbers are not strings here.</summary>
    public string? BodyString(string name) =>
        Body is { } body && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public bool BodyHas(string name) =>
        Body is { } body && body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    private static JsonElement? ParseObject(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
