namespace SendPilot.Sandbox;

/// <summary>
/// Everything the sandbox remembers. Each area is its own thread-safe store; Reset swaps in freshly
/// seeded stores, so hold on to the State, not to a store, across a reset.
/// </summary>
public sealed class SandboxState
{
    public const string WorkspaceId = "ws_sandbox";
    public const string WorkspaceName = "SendPilot Sandbox";

    /// <summary>The workspace GET /me reports; SandboxOptions.WorkspaceId/WorkspaceName change it so two sandboxes can be told apart.</summary>
    public (string Id, string Name) Workspace { get; internal set; } = (WorkspaceId, WorkspaceName);

    private readonly bool _retainLeadDetails;
    private readonly int? _dailyMessageLimit;

    internal SandboxState(bool retainLeadDetails, Func<DateTimeOffset>? clock = null, int? dailyMessageLimit = null)
    {
        _retainLeadDetails = retainLeadDetails;
        _dailyMessageLimit = dailyMessageLimit;
        Now = clock ?? (() => DateTimeOffset.UtcNow);
        Reseed();
    }

    public CampaignStore Campaigns { get; private set; } = null!;
    public LeadStore Leads { get; private set; } = null!;
    public SenderStore Senders { get; private set; } = null!;
    public InboxStore Inbox { get; private set; } = null!;
    public ConnectionGraph Connections { get; private set; } = null!;
    public CreditBalance Credits { get; private set; } = null!;
    public LeadSourcingStore LeadSourcing { get; private set; } = null!;
    public WebhookDispatcher Webhooks { get; } = new();

    internal Func<DateTimeOffset> Now { get; }

    /// <summary>Back to the seeded data; webhook configuration and deliveries are cleared too.</summary>
    public void Reset()
    {
        Reseed();
        Webhooks.Clear();
    }

    private void Reseed()
    {
        Campaigns = new CampaignStore(SeedData.Campaigns());
        Leads = SeedLeads(_retainLeadDetails);
        Senders = new SenderStore(_dailyMessageLimit is int limit
            ? SeedData.Senders().Select(s => s with { DailyMessageLimit = limit }).ToList()
            : SeedData.Senders());
        Inbox = SeedInbox(Leads);
        Connections = new ConnectionGraph();
        Credits = new CreditBalance(4500, 5000, 500, 1000, new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero));
        LeadSourcing?.Retire();
        LeadSourcing = new LeadSourcingStore(Now, Webhooks);
    }

    private readonly object _creditGate = new();

    /// <summary>Takes credits from the pool (lead searches and extractions); false, taking nothing, when fewer are available.</summary>
    internal bool TrySpendCredits(int amount)
    {
        lock (_creditGate)
        {
            if (Credits.Available < amount) return false;
            Credits = Credits with { Available = Credits.Available - amount, Used = Credits.Used + amount };
            return true;
        }
    }

    /// <summary>Sets the credits available (tests: a short pool, or enough for a very large search).</summary>
    public void SetAvailableCredits(int available)
    {
        lock (_creditGate) Credits = Credits with { Available = available };
    }

    // Seeded leads are always kept in full, so lead_1 … lead_144 exist even in benchmark mode.
    private static LeadStore SeedLeads(bool retainDetails)
    {
        var store = new LeadStore(retainDetails);
        foreach (var group in SeedData.Leads().GroupBy(x => x.CampaignId))
        {
            var batch = group.Select(x => new LeadStore.NewLead(x.Lead.LinkedinUrl, x.Lead)).ToArray();
            store.AddBatch(group.Key, batch, keepDetails: true);
        }
        return store;
    }

    private static InboxStore SeedInbox(LeadStore leads)
    {
        var inbox = new InboxStore();
        var participants = leads.InCampaign(SeedData.MainCampaignId)
            .Where(l => SeedData.IsConnectedStatus(l.Status))
            .Take(SeedData.ConversationCount)
            .ToArray();
        for (var i = 0; i < participants.Length; i++)
        {
            var lead = participants[i];
            var name = $"{lead.FirstName} {lead.LastName}";
            var at = SeedData.Clock.AddHours(-5 * i);
            inbox.AppendMessage("sender_ann", lead.LinkedinUrl, name, "outbound", $"Hi {lead.FirstName}, thanks for connecting!", at.AddHours(-2), lead.Id, lead.CampaignId);
            inbox.AppendMessage("sender_ann", lead.LinkedinUrl, name, "inbound", $"Hello Ann, nice to meet you. ({i + 1})", at.AddHours(-1), lead.Id, lead.CampaignId);
            if (i % 3 == 0)
                inbox.AppendMessage("sender_ann", lead.LinkedinUrl, name, "outbound", "Would a short call next week work?", at, lead.Id, lead.CampaignId);
        }
        return inbox;
    }

}
