using System.Collections.Concurrent;
using System.Text.Json;
using SendPilot.Sandbox.Http;

namespace SendPilot.Sandbox;

public enum LeadJobKind
{
    Search,
    Extraction,
}

/// <summary>How lead-database searches and extractions behave; tests change it (instant jobs, failures, progress shape).</summary>
public sealed class LeadSourcingSettings
{
    /// <summary>How long a new job stays pending. Zero with a zero <see cref="ProcessingFor"/> makes jobs complete at once.</summary>
    public TimeSpan PendingFor { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a job processes, its progress rising evenly from 0 to 100.</summary>
    public TimeSpan ProcessingFor { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Lead-database progress: "integer" (0–100), "object" ({requested,found,percent_complete}) or "alternate" (odd jobs integer).</summary>
    public string ProgressShape { get; set; } = "alternate";

    /// <summary>When set, the next job created fails with this error_message once its processing time is over.</summary>
    public string? FailNextWith { get; set; }
}

/// <summary>One asynchronous job. Its phase is a function of the clock, so polling sees it move on its own.</summary>
public sealed record LeadJob
{
    public required string Id { get; init; }
    public required LeadJobKind Kind { get; init; }
    public required int Sequence { get; init; }
    public required string Name { get; init; }
    public required int Limit { get; init; }
    public required int Credits { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required TimeSpan PendingFor { get; init; }
    public required TimeSpan ProcessingFor { get; init; }
    public string? FailWith { get; init; }
    public bool IntegerProgress { get; init; }
    public JsonElement? Filters { get; init; }
    public string? UrlType { get; init; }
    public string? Mode { get; init; }
    public IReadOnlyList<string> Urls { get; init; } = [];
    public string? WebhookUrl { get; init; }

    public DateTimeOffset EndsAt => CreatedAt + PendingFor + ProcessingFor;

    /// <summary>pending, processing, completed or failed at <paramref name="now"/>.</summary>
    public string Phase(DateTimeOffset now)
    {
        if (now >= EndsAt) return FailWith is null ? "completed" : "failed";
        return now < CreatedAt + PendingFor ? "pending" : "processing";
    }

    public int Percent(DateTimeOffset now) => Phase(now) switch
    {
        "pending" => 0,
        "processing" => (int)Math.Clamp((now - CreatedAt - PendingFor) / ProcessingFor * 100, 0, 99),
        "failed" => 50,
        _ => 100,
    };

    /// <summary>Every job finds as many people as it asked for.</summary>
    public int Total => Limit;

    public int Found(DateTimeOffset now) => Total * Percent(now) / 100;
}

/// <summary>The lead-database searches and lead-extractor jobs of the workspace, with their deterministic leads.</summary>
public sealed class LeadSourcingStore
{
    private readonly ConcurrentDictionary<string, LeadJob> _jobs = new(StringComparer.Ordinal);
    private readonly Func<DateTimeOffset> _now;
    private readonly WebhookDispatcher _webhooks;
    private readonly CancellationTokenSource _retired = new();
    private int _sequence;

    internal LeadSourcingStore(Func<DateTimeOffset> now, WebhookDispatcher webhooks)
    {
        _now = now;
        _webhooks = webhooks;
    }

    public LeadSourcingSettings Settings { get; } = new();

    public LeadJob? Find(string id, LeadJobKind kind) =>
        _jobs.TryGetValue(id, out var job) && job.Kind == kind ? job : null;

    internal LeadJob Create(LeadJobKind kind, Func<LeadJob, LeadJob> describe, int credits, int limit, string name)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var failWith = TakeFailNext();
        var job = describe(new LeadJob
        {
            Id = kind == LeadJobKind.Search ? $"srch_{sequence:D4}" : $"lxc_{sequence:D4}",
            Kind = kind,
            Sequence = sequence,
            Name = name,
            Limit = limit,
            Credits = credits,
            CreatedAt = _now(),
            PendingFor = Settings.PendingFor,
            ProcessingFor = Settings.ProcessingFor,
            FailWith = failWith,
            IntegerProgress = Settings.ProgressShape switch
            {
                "integer" => true,
                "object" => false,
                _ => sequence % 2 == 1,
            },
        });
        _jobs[job.Id] = job;
        ScheduleCompletionWebhook(job);
        return job;
    }

    private string? TakeFailNext()
    {
        lock (Settings)
        {
            var message = Settings.FailNextWith;
            Settings.FailNextWith = null;
            return message;
        }
    }

    /// <summary>Jobs of a reset store never fire their webhooks.</summary>
    internal void Retire() => _retired.Cancel();

    private void ScheduleCompletionWebhook(LeadJob job)
    {
        var eventType = job.Kind == LeadJobKind.Search ? "lead_database.search.completed" : "lead_extractor.job.completed";
        var wait = job.EndsAt - _now();
        _ = Task.Run(async () =>
        {
            if (wait > TimeSpan.Zero) await Task.Delay(wait, _retired.Token).ConfigureAwait(false);
            if (!_retired.IsCancellationRequested) _webhooks.Emit(eventType, LeadSourcingViews.Summary(job, _now()), _now());
        }, _retired.Token);
    }
}

/// <summary>The JSON shapes of jobs and their leads, as the API documents them.</summary>
internal static class LeadSourcingViews
{
    private const int WebhookLeads = 10;

    public static object Summary(LeadJob job, DateTimeOffset now)
    {
        var summary = new Dictionary<string, object?>
        {
            [job.Kind == LeadJobKind.Search ? "search_id" : "campaign_id"] = job.Id,
            ["id"] = job.Id,
            ["name"] = job.Name,
            ["status"] = Status(job, now),
            ["total_results"] = job.FailWith is null ? job.Total : 0,
            ["completed_at"] = Iso(job.EndsAt),
            ["error_message"] = job.FailWith,
        };
        if (job.FailWith is null)
            summary["leads"] = Enumerable.Range(0, Math.Min(WebhookLeads, job.Total)).Select(i => Lead(job, i)).ToArray();
        return summary;
    }

    public static string Status(LeadJob job, DateTimeOffset now)
    {
        var phase = job.Phase(now);
        if (job.Kind == LeadJobKind.Search) return phase;
        return phase switch { "pending" => "PENDING", "processing" => "RUNNING", "completed" => "FINISHED", _ => "FAILED" };
    }

    public static object Lead(LeadJob job, int index) =>
        job.Kind == LeadJobKind.Search ? LeadGenerator.DatabaseLead(job, index) : LeadGenerator.ExtractedLead(job, index);

    public static string Iso(DateTimeOffset time) => Endpoints.Iso.Format(time);
}
