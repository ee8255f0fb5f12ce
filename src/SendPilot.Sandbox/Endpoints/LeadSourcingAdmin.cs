using System.Text.Json;
using SendPilot.Sandbox.Http;

namespace SendPilot.Sandbox.Endpoints;

/// <summary>/_admin/lead-sourcing and /_admin/credits: job timing, progress shape, failures and the credit pool, from scripts.</summary>
internal static class LeadSourcingAdmin
{
    private static readonly string[] Shapes = ["integer", "object", "alternate"];

    /// <summary>{pendingMs?, processingMs?, progressShape?, failNextWith?}; answers the settings in force.</summary>
    public static ApiResult Configure(SandboxState state, ApiRequest r)
    {
        var settings = state.LeadSourcing.Settings;
        var shape = r.BodyString("progressShape");
        if (shape is not null && !Shapes.Contains(shape)) return ApiResult.BadRequest("progressShape is integer, object or alternate");
        if (Milliseconds(r, "pendingMs") is { } pending) settings.PendingFor = pending;
        if (Milliseconds(r, "processingMs") is { } processing) settings.ProcessingFor = processing;
        if (shape is not null) settings.ProgressShape = shape;
        if (r.BodyString("failNextWith") is { } failure) settings.FailNextWith = failure;
        return ApiResult.Ok(new
        {
            pendingMs = settings.PendingFor.TotalMilliseconds, processingMs = settings.ProcessingFor.TotalMilliseconds,
            progressShape = settings.ProgressShape, failNextWith = settings.FailNextWith,
        });
    }

    /// <summary>{available}: the credits the next jobs can spend.</summary>
    public static ApiResult SetCredits(SandboxState state, ApiRequest r)
    {
        if (r.Body?.TryGetProperty("available", out var value) != true || value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var available) || available < 0)
            return ApiResult.BadRequest("available (a non-negative integer) is required");
        state.SetAvailableCredits(available);
        return ApiResult.Ok(new { success = true, available });
    }

    private static TimeSpan? Milliseconds(ApiRequest r, string name) =>
        r.Body is { } body && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var ms) && ms >= 0
            ? TimeSpan.FromMilliseconds(ms) : null;
}
