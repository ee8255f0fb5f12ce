using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SendPilot.Bench.Cold;

/// <summary>
/// The least a loopback SendPilot can do for the upload and listing scenarios, so that the ratios measure the client:
/// GET /v1/campaigns/{id}, POST /v1/leads (counts the leads by their "linkedinUrl" keys and adds them all) and
/// GET /v1/leads (generated pages of <see cref="ListTotal"/> leads). Every answer waits <see cref="LatencyMs"/> first.
/// Kestrel sends each answer in one write with Nagle off, so there is no delayed-ACK stall.
/// </summary>
public sealed class LeanServer : IAsyncDisposable
{
    private static readonly byte[] UrlKey = Encoding.UTF8.GetBytes("\"linkedinUrl\"");
    private readonly WebApplication _app;
    private long _leadsReceived, _requests, _firstPost, _lastAnswer, _postTicks, _posts;

    private LeanServer(WebApplication app) => _app = app;

    public int LatencyMs { get; set; }
    public int ListTotal { get; set; }
    public long LeadsReceived => Interlocked.Read(ref _leadsReceived);
    public long Requests => Interlocked.Read(ref _requests);
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>From the first POST /leads arriving to the last answer leaving, since the last reset.</summary>
    public TimeSpan PostSpan => TimeSpan.FromTicks((long)((Interlocked.Read(ref _lastAnswer) - Interlocked.Read(ref _firstPost)) * (double)TimeSpan.TicksPerSecond / System.Diagnostics.Stopwatch.Frequency));

    /// <summary>How long the server itself took over a POST /leads on average (its latency included), since the last reset.</summary>
    public TimeSpan MeanPostTime => Interlocked.Read(ref _posts) == 0 ? TimeSpan.Zero
        : TimeSpan.FromSeconds(Interlocked.Read(ref _postTicks) / (double)System.Diagnostics.Stopwatch.Frequency / Interlocked.Read(ref _posts));

    /// <summary>Every request since the last reset: its method and path, and Stopwatch timestamps of arrival and answer.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(string Request, long Arrived, long Answered)> Timeline { get; private set; } = new();

    public void ResetCounts()
    {
        Timeline = new();
        Interlocked.Exchange(ref _postTicks, 0);
        Interlocked.Exchange(ref _posts, 0);
        Interlocked.Exchange(ref _firstPost, 0);
        Interlocked.Exchange(ref _lastAnswer, 0);
        Interlocked.Exchange(ref _leadsReceived, 0);
        Interlocked.Exchange(ref _requests, 0);
    }

    public static async Task<LeanServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LeanServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri($"http://127.0.0.1:{new Uri(address).Port}/v1");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var request = context.Request;
        byte[] answer;
        bool post = request.Method == "POST" && request.Path == "/v1/leads";
        long arrived = System.Diagnostics.Stopwatch.GetTimestamp();
        if (post) Interlocked.CompareExchange(ref _firstPost, arrived, 0);
        if (post) answer = await AddLeadsAsync(request);
        else if (request.Method == "GET" && request.Path == "/v1/leads") answer = LeadPage(request.Query);
        else if (request.Method == "GET" && request.Path.StartsWithSegments("/v1/campaigns", out var rest))
            answer = JsonSerializer.SerializeToUtf8Bytes(new { id = rest.Value!.Trim('/'), name = "Bench", status = "ACTIVE" });
        else
        {
            context.Response.StatusCode = 404;
            answer = Encoding.UTF8.GetBytes("{\"success\":false,\"error\":\"not in the lean server\"}");
        }
        if (LatencyMs > 0) await Task.Delay(LatencyMs);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = answer.Length;
        await context.Response.Body.WriteAsync(answer);
        long answered = System.Diagnostics.Stopwatch.GetTimestamp();
        Timeline.Enqueue(($"{request.Method} {request.Path}", arrived, answered));
        if (!post) return;
        Interlocked.Exchange(ref _lastAnswer, answered);
        Interlocked.Add(ref _postTicks, answered - arrived);
        Interlocked.Increment(ref _posts);
    }

    private async Task<byte[]> AddLeadsAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        long leads = 0;
        var rest = new ReadOnlySpan<byte>(body.GetBuffer(), 0, (int)body.Length);
        for (int at; (at = rest.IndexOf(UrlKey)) >= 0; rest = rest[(at + UrlKey.Length)..]) leads++;
        Interlocked.Add(ref _leadsReceived, leads);
        return Encoding.UTF8.GetBytes($"{{\"success\":true,\"leadsAdded\":{leads},\"duplicatesSkipped\":0,\"invalidEntries\":0,\"errors\":[]}}");
    }

    private byte[] LeadPage(IQueryCollection query)
    {
        int page = int.TryParse(query["page"], out int p) && p > 0 ? p : 1;
        int limit = int.TryParse(query["limit"], out int l) && l is > 0 and <= 100 ? l : 50;
        string campaign = query["campaignId"].ToString();
        int total = ListTotal, first = (page - 1) * limit, count = Math.Max(0, Math.Min(limit, total - first));
        var output = new ArrayBufferWriter<byte>(count * 300 + 200);
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteStartArray("leads");
            for (int i = first + 1; i <= first + count; i++)
            {
                json.WriteStartObject();
                json.WriteString("id", $"lead_{i:D8}");
                json.WriteString("campaignId", campaign);
                json.WriteString("linkedinUrl", $"https://www.linkedin.com/in/bench-{i}");
                json.WriteString("firstName", "First" + i);
                json.WriteString("lastName", "Last" + i);
                json.WriteString("company", "Company " + (i % 500));
                json.WriteString("title", "Head of Growth");
                json.WriteString("status", "NOT_CONTACTED");
                json.WriteString("createdAt", "2026-11-30T09:15:00Z");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("pagination");
            json.WriteNumber("page", page);
            json.WriteNumber("limit", limit);
            json.WriteNumber("total", total);
            json.WriteNumber("totalPages", (total + limit - 1) / limit);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return output.WrittenSpan.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
