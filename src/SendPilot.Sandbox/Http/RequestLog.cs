namespace SendPilot.Sandbox.Http;

/// <summary>
/// A bounded log of API calls plus unbounded per-(method, path) counters, so counting still works
/// after a benchmark has pushed far more requests than the log keeps.
/// </summary>
internal sealed class RequestLog(int capacity)
{
    private readonly object _gate = new();
    private readonly Queue<RecordedRequest> _entries = new();
    private readonly Dictionary<(string Method, string Path), long> _counts = new();
    private long _sequence;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(RecordedRequest entry)
    {
        lock (_gate)
        {
            var key = (entry.Method, entry.Path);
            _counts[key] = _counts.GetValueOrDefault(key) + 1;
            if (capacity <= 0) return;
            _entries.Enqueue(entry);
            while (_entries.Count > capacity) _entries.Dequeue();
        }
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate) return _entries.OrderBy(e => e.Sequence).ToArray();
    }

    public int Count(string? method, string pathGlob)
    {
        lock (_gate)
        {
            long total = 0;
            foreach (var ((m, path), count) in _counts)
                if (Glob.MethodMatches(method, m) && Glob.IsMatch(pathGlob, path)) total += count;
            return (int)Math.Min(total, int.MaxValue);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _counts.Clear();
        }
    }
}
