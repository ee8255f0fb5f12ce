namespace SendPilot.Sandbox.Http;

internal sealed record ApiKeyInfo(string Id, string Name, string Key, IReadOnlyList<string> Scopes)
{
    public string Prefix => Key.Length <= 12 ? Key : Key[..12];

    public bool Has(string scope) => Scopes.Contains(scope);
}

/// <summary>The two keys the sandbox accepts: one with every scope, one with only the read scopes.</summary>
internal sealed class ApiKeys
{
    public static readonly string[] Resources = ["campaigns", "leads", "inbox", "senders", "credits"];
    public static readonly string[] AllScopes = Resources.SelectMany(r => new[] { r + ":read", r + ":write" }).ToArray();
    public static readonly string[] ReadScopes = Resources.Select(r => r + ":read").ToArray();

    private readonly ApiKeyInfo _main;
    private readonly ApiKeyInfo _readOnly;

    public ApiKeys(SandboxOptions options)
    {
        _main = new ApiKeyInfo("key_sandbox_main", "Sandbox key", options.ApiKey, AllScopes);
        _readOnly = new ApiKeyInfo("key_sandbox_readonly", "Sandbox read-only key", options.ReadOnlyApiKey, ReadScopes);
    }

    public ApiKeyInfo? Find(string? key) =>
        string.IsNullOrEmpty(key) ? null : key == _main.Key ? _main : key == _readOnly.Key ? _readOnly : null;

    /// <summary>"/leads/…" → "leads:write" for writes, "leads:read" for GET; null for calls any key may make (/me).</summary>
    public static string? RequiredScope(string method, string path)
    {
        var resource = path.TrimStart('/').Split('/')[0];
        if (!Resources.Contains(resource)) return null;
        return resource + (HttpMethods.IsGet(method) ? ":read" : ":write");
    }
}
