namespace SendPilot.Sandbox;

public sealed class CampaignStore
{
    private readonly object _gate = new();
    private readonly List<Campaign> _campaigns;

    internal CampaignStore(IEnumerable<Campaign> seed) => _campaigns = seed.ToList();

    /// <summary>All campaigns in listing order (newest first).</summary>
    public IReadOnlyList<Campaign> All
    {
        get { lock (_gate) return _campaigns.ToArray(); }
    }

    public Campaign? Find(string id)
    {
        lock (_gate) return _campaigns.Find(c => c.Id == id);
    }

    /// <summary>Moves a campaign from one status to another; false if it is not in <paramref name="from"/>.</summary>
    internal bool TryChangeStatus(string id, string from, string to, DateTimeOffset now, out Campaign? updated)
    {
        lock (_gate)
        {
            var index = _campaigns.FindIndex(c => c.Id == id);
            updated = index < 0 ? null : _campaigns[index];
            if (updated is null || updated.Status != from) return false;
            updated = updated with { Status = to, UpdatedAt = now };
            _campaigns[index] = updated;
            return true;
        }
    }

    internal void CountActivity(string? id, int messages = 0, int connections = 0)
    {
        if (id is null) return;
        lock (_gate)
        {
            var index = _campaigns.FindIndex(c => c.Id == id);
            if (index < 0) return;
            var c = _campaigns[index];
            _campaigns[index] = c with
            {
                MessagesSent = c.MessagesSent + messages,
                ConnectionsSent = c.ConnectionsSent + connections,
                LeadsContacted = c.LeadsContacted + messages + connections,
            };
        }
    }
}
