using SendPilot.Sandbox.Http;

namespace SendPilot.Sandbox.Hosting;

internal static class ResponseWriter
{
    public static async Task WriteAsync(HttpContext context, ApiResult result)
    {
        var response = context.Response;
        response.StatusCode = result.Status;
        if (result.RetryAfter is not null) response.Headers.RetryAfter = result.RetryAfter;
        if (result.Location is not null) response.Headers.Location = result.Location;
        if (result.Body is null && result.RawBody is null) return;
        response.ContentType = "application/json; charset=utf-8";
        try
        {
            await response.WriteAsync(result.RawBody ?? SandboxJson.Serialize(result.Body!), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client went away; nothing left to tell it.
        }
    }
}
