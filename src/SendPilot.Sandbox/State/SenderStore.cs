namespace SendPilot.Sandbox;

public sealed class SenderStore
{
    private readonly object _gate = new();
    private readonly IReadOnlyList<Sender> _senders;
    private readonly Dictionary<string, SenderUsage> _usage = new();

    internal SenderStore(IReadOnlyList<Sender> senders)
    {
        _senders = senders;
        foreach (var sender in senders) _usage[sender.Id] = new SenderUsage(0, 0, 0);
    }

    public IReadOnlyList<Sender> All => _senders;

    public Sender? Find(string id) => _senders.FirstOrDefault(s => s.Id == id);

    public SenderUsage UsageOf(string senderId)
    {
        lock (_gate) return _usage.TryGetValue(senderId, out var usage) ? usage : new SenderUsage(0, 0, 0);
    }

    /// <summary>Daily quotas reset at the next UTC midnight.</summary>
    public static DateTimeOffset ResetsAt(DateTimeOffset now) => new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);

    internal bool TryUseMessage(Sender sender) =>
        TryUse(sender.Id, u => u.MessagesUsed < sender.DailyMessageLimit, u => u with { MessagesUsed = u.MessagesUsed + 1 });

    internal bool TryUseConnection(Sender sender) =>
        TryUse(sender.Id, u => u.ConnectionsUsed < sender.DailyConnectionLimit, u => u with { ConnectionsUsed = u.ConnectionsUsed + 1 });

    private bool TryUse(string senderId, Func<SenderUsage, bool> hasRoom, Func<SenderUsage, SenderUsage> spend)
    {
        lock (_gate)
        {
            var usage = _usage[senderId];
            if (!hasRoom(usage)) return false;
            _usage[senderId] = spend(usage);
            return true;
        }
    }
}
