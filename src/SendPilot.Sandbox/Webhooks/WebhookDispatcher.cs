using System.Text;
using SendPilot.Sandbox.Http;

namespace SendPilot.Sandbox;

public sealed record WebhookConfig(string Url, string Secret, string Scheme);

/// <summary>One attempted delivery. StatusCode is null when the receiver could not be reached.</summary>
public sealed record WebhookDelivery(
    string EventId,
    string EventType,
    string Url,
    DateTimeOffset Time,
    string Body,
    IReadOnlyDictionary<string, string> Headers,
    int? StatusCode,
    string? Error);

/// <summary>Sends signed event POSTs, fire-and-forget, one attempt each, and logs every delivery.</summary>
public sealed class WebhookDispatcher
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private readonly object _gate = new();
    private readonly List<WebhookDelivery> _deliveries = [];
    private readonly List<Task> _pending = [];
    private WebhookConfig? _config;

    public WebhookConfig? Config
    {
        get { lock (_gate) return _config; }
    }

    public IReadOnlyList<WebhookDelivery> Deliveries
    {
        get { lock (_gate) return _deliveries.ToArray(); }
    }

    /// <summary>Completes when every delivery started so far has finished.</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate) return Task.WhenAll(_pending.ToArray());
    }

    internal void Configure(WebhookConfig config)
    {
        lock (_gate) _config = config;
    }

    internal void Clear()
    {
        lock (_gate)
        {
            _config = null;
            _deliveries.Clear();
        }
    }

    internal void Emit(string eventType, object data, DateTimeOffset now)
    {
        var config = Config;
        if (config is null) return;

        var eventId = $"evt_{now.ToUnixTimeMilliseconds()}_{RandomSuffix()}";
        var body = SandboxJson.Serialize(new
        {
            eventId,
            eventType,
            timestamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
            workspaceId = SandboxState.WorkspaceId,
            data,
        });
        var headers = SignatureHeaders(config, eventId, now.ToUnixTimeSeconds(), body);
        var delivery = Task.Run(() => DeliverAsync(config.Url, eventId, eventType, body, headers, now));
        lock (_gate)
        {
            _pending.RemoveAll(t => t.IsCompleted);
            _pending.Add(delivery);
        }
    }

    private static Dictionary<string, string> SignatureHeaders(WebhookConfig config, string eventId, long unix, string body)
    {
        if (string.Equals(config.Scheme, "docs", StringComparison.OrdinalIgnoreCase))
            return new() { ["Webhook-Signature"] = WebhookSigner.DocsSignature(config.Secret, unix, body) };

        var messageId = "msg_" + eventId;
        return new()
        {
            ["svix-id"] = messageId,
            ["svix-timestamp"] = unix.ToString(),
            ["svix-signature"] = WebhookSigner.SvixSignature(config.Secret, messageId, unix, body),
        };
    }

    private async Task DeliverAsync(string url, string eventId, string eventType, string body,
        Dictionary<string, string> headers, DateTimeOffset now)
    {
        int? status = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
            using var response = await Http.SendAsync(request).ConfigureAwait(false);
            status = (int)response.StatusCode;
        }
        catch (Exception ex)
        {
            error = ex.Message;
        }

        lock (_gate) _deliveries.Add(new WebhookDelivery(eventId, eventType, url, now, body, headers, status, error));
    }

    private static string RandomSuffix()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        return string.Create(9, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[Random.Shared.Next(alphabet.Length)];
        });
    }
}
