using System.Text;
using SendPilot.Sandbox.Http;

namespace SendPilot.Sandbox.Hosting;

/// <summary>
/// The one request delegate: admin calls go to the admin router; API calls pass through faults,
/// auth and scopes to a handler, and are logged before the response is written.
/// </summary>
internal sealed class RequestPipeline(SandboxHost host)
{
    private const int LoggedBodyLimit = 64 * 1024;
    private const string AdminPrefix = "/_admin";

    public async Task HandleAsync(HttpContext context)
    {
        var rawPath = context.Request.Path.Value ?? "/";
        if (rawPath.StartsWith(AdminPrefix, StringComparison.OrdinalIgnoreCase))
        {
            await HandleAdminAsync(context, rawPath);
            return;
        }

        var (generation, path) = ApiPrefix.Split(rawPath);
        var method = context.Request.Method;
        var body = await ReadBodyAsync(context);
        var plan = host.Faults.Plan(method, path);
        var entry = NewEntry(context, path, body, plan.Description);

        if (plan.DelayMs > 0 && !await DelayAsync(plan.DelayMs, context.RequestAborted))
        {
            Record(entry, 499);
            return;
        }

        ApiResult? result = null;
        if (plan.Answer is not { ProcessFirst: false })
            result = Dispatch(context, generation, path, rawPath, body);

        if (plan.Answer is { } fault)
        {
            if (fault.Drop)
            {
                Record(entry, 0);
                context.Abort();
                return;
            }
            var status = fault.Status!.Value;
            result = fault.Body is { } raw
                ? new ApiResult(status, null, fault.RetryAfter) { RawBody = raw }
                : ApiResult.Error(status, fault.Message ?? ApiResult.DefaultMessage(status), fault.RetryAfter);
            result = result with { Location = fault.Location };
        }

        Record(entry, result!.Status);
        await ResponseWriter.WriteAsync(context, result);
    }

    private ApiResult Dispatch(HttpContext context, ApiGeneration generation, string path, string rawPath, string? body)
    {
        var method = context.Request.Method;
        var match = generation == ApiGeneration.None ? null : host.Api.Match(method, path);
        if (match is not { } route) return ApiResult.NotFound($"Cannot {method} {rawPath}");

        var key = host.Keys.Find(context.Request.Headers["X-API-Key"].ToString());
        if (key is null) return ApiResult.Error(401, "Invalid or missing API key");
        if (ApiKeys.RequiredScope(method, path) is { } scope && !key.Has(scope))
            return ApiResult.Error(403, $"Key lacks {scope}");

        var request = new ApiRequest(host.State, generation, method, path, context.Request.Query, body)
        {
            Key = key,
            RouteValues = route.Values,
        };
        return Invoke(route.Handler, request);
    }

    private async Task HandleAdminAsync(HttpContext context, string rawPath)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is not null && !System.Net.IPAddress.IsLoopback(remote))
        {
            await ResponseWriter.WriteAsync(context, ApiResult.Error(403, "Admin API answers loopback callers only"));
            return;
        }

        var method = context.Request.Method;
        var path = rawPath[AdminPrefix.Length..];
        var body = await ReadBodyAsync(context);
        var result = host.Admin.Match(method, path) is { } route
            ? Invoke(route.Handler, new ApiRequest(host.State, ApiGeneration.None, method, path, context.Request.Query, body) { RouteValues = route.Values })
            : ApiResult.NotFound($"Cannot {method} {rawPath}");
        await ResponseWriter.WriteAsync(context, result);
    }

    private ApiResult Invoke(ApiHandler handler, ApiRequest request)
    {
        try
        {
            return handler(request);
        }
        catch (Exception ex)
        {
            if (host.Options.Verbose) Console.Error.WriteLine($"sandbox: {request.Method} {request.Path} failed: {ex}");
            return ApiResult.Error(500, "Internal server error");
        }
    }

    private static async Task<bool> DelayAsync(int milliseconds, CancellationToken aborted)
    {
        try
        {
            await Task.Delay(milliseconds, aborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<string?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength == 0) return null;
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        return text.Length == 0 ? null : text;
    }

    private PendingEntry NewEntry(HttpContext context, string path, string? body, string? fault)
    {
        var request = context.Request;
        var loggedBody = body is { Length: > LoggedBodyLimit } ? body[..LoggedBodyLimit] : body;
        return new PendingEntry(
            DateTimeOffset.UtcNow, request.Method, path, request.Path.Value ?? "/",
            request.QueryString.HasValue ? request.QueryString.Value![1..] : "",
            loggedBody, request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null,
            request.Headers.ContainsKey("X-API-Key"), fault);
    }

    private void Record(PendingEntry e, int status)
    {
        host.Log.Add(new RecordedRequest(host.Log.NextSequence(), e.Time, e.Method, e.Path, e.RawPath, e.Query,
            status, e.Body, e.UserAgent, e.HadApiKey, e.Fault));
        if (host.Options.Verbose) Console.WriteLine($"sandbox: {e.Method} {e.RawPath} → {status}{(e.Fault is null ? "" : $" [fault: {e.Fault}]")}");
    }

    private sealed record PendingEntry(DateTimeOffset Time, string Method, string Path, string RawPath, string Query,
        string? Body, string? UserAgent, bool HadApiKey, string? Fault);
}
