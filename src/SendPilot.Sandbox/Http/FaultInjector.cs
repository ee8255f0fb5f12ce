namespace SendPilot.Sandbox.Http;

/// <summary>What the active fault rules want done with one request.</summary>
internal sealed record FaultPlan(int DelayMs, FaultRule? Answer, string? Description);

internal sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<ActiveRule> _rules = [];
    private int _applied;

    /// <summary>How many requests a rule has been applied to so far: a delayed request counts as it starts waiting.</summary>
    public int Applied => Volatile.Read(ref _applied);

    public void Add(FaultRule rule)
    {
        lock (_gate) _rules.Add(new ActiveRule(Copy(rule)));
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _applied = 0;
        }
    }

    public IReadOnlyList<FaultRule> Rules
    {
        get { lock (_gate) return _rules.Select(r => r.Rule).ToArray(); }
    }

    /// <summary>
    /// Consumes every matching delay-only rule and the first matching answering rule; a rule is
    /// removed once it has hit Count requests.
    /// </summary>
    public FaultPlan Plan(string method, string path)
    {
        lock (_gate)
        {
            var delay = 0;
            FaultRule? answer = null;
            var applied = new List<string>();
            foreach (var active in _rules.ToArray())
            {
                var rule = active.Rule;
                if (!Glob.MethodMatches(rule.Method, method) || !Glob.IsMatch(rule.Path, path)) continue;
                if (rule.Answers && answer is not null) continue;
                if (rule.Answers) answer = rule;
                delay += rule.DelayMs;
                applied.Add(rule.ToString());
                if (rule.Count > 0 && ++active.Hits >= rule.Count) _rules.Remove(active);
            }
            if (applied.Count > 0) _applied++;
            return new FaultPlan(delay, answer, applied.Count == 0 ? null : string.Join("; ", applied));
        }
    }

    // Callers may keep mutating their instance; the injector works on its own copy.
    private static FaultRule Copy(FaultRule r) => new()
    {
        Method = r.Method, Path = string.IsNullOrEmpty(r.Path) ? "*" : r.Path, Count = r.Count, Status = r.Status,
        RetryAfter = r.RetryAfter, Location = r.Location, Message = r.Message, Body = r.Body, DelayMs = r.DelayMs, Drop = r.Drop, ProcessFirst = r.ProcessFirst,
    };

    private sealed class ActiveRule(FaultRule rule)
    {
        public FaultRule Rule { get; } = rule;
        public int Hits { get; set; }
    }
}
