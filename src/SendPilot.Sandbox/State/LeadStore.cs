using System.Collections.Concurrent;

namespace SendPilot.Sandbox;

/// <summary>
/// Leads per campaign. Each campaign has its own lock so concurrent batch posts to different
/// campaigns never wait on each other. Without RetainLeadDetails only the URL set is kept.
/// </summary>
public sealed class LeadStore
{
    private readonly ConcurrentDictionary<string, CampaignLeads> _byCampaign = new();
    private readonly ConcurrentDictionary<string, Lead> _byId = new();
    private long _lastId;

    internal LeadStore(bool retainDetails) => RetainDetails = retainDetails;

    public bool RetainDetails { get; }

    public int Count(string campaignId) =>
        _byCampaign.TryGetValue(campaignId, out var leads) ? leads.Count : 0;

    public Lead? Find(string id) => _byId.TryGetValue(id, out var lead) ? lead : null;

    /// <summary>Leads of a campaign in insertion order (empty when details are not retained).</summary>
    public IReadOnlyList<Lead> InCampaign(string campaignId)
    {
        if (!_byCampaign.TryGetValue(campaignId, out var leads)) return [];
        return leads.IdsSnapshot().Select(id => _byId[id]).ToArray();
    }

    public bool Contains(string campaignId, string linkedinUrl) =>
        _byCampaign.TryGetValue(campaignId, out var leads) &&
        LinkedInProfileUrl.TryParse(linkedinUrl) is { } url && leads.ContainsUrl(url.Normalized);

    /// <summary>Adds leads whose normalized URL is new to the campaign; returns how many were added.</summary>
    internal int AddBatch(string campaignId, IReadOnlyList<NewLead> drafts) => AddBatch(campaignId, drafts, RetainDetails);

    internal int AddBatch(string campaignId, IReadOnlyList<NewLead> drafts, bool keepDetails)
    {
        var leads = _byCampaign.GetOrAdd(campaignId, _ => new CampaignLeads());
        var added = 0;
        lock (leads.Gate)
        {
            foreach (var (key, draft) in drafts)
            {
                if (!leads.Urls.Add(key)) continue;
                added++;
                if (!keepDetails) continue;
                var lead = draft with { Id = NextId(), CampaignId = campaignId };
                _byId[lead.Id] = lead;
                leads.Ids.Add(lead.Id);
            }
        }
        return added;
    }

    internal Lead? Update(string id, Func<Lead, Lead> change)
    {
        if (Find(id) is not { } current) return null;
        var leads = _byCampaign[current.CampaignId];
        lock (leads.Gate)
        {
            var updated = change(_byId[id]);
            _byId[id] = updated;
            return updated;
        }
    }

    /// <summary>A lead to add, with its normalized URL as the duplicate key.</summary>
    internal readonly record struct NewLead(string UrlKey, Lead Draft);

    private string NextId() => $"lead_{Interlocked.Increment(ref _lastId)}";

    private sealed class CampaignLeads
    {
        public readonly object Gate = new();
        public readonly HashSet<string> Urls = new(StringComparer.Ordinal);
        public readonly List<string> Ids = [];

        public int Count { get { lock (Gate) return Urls.Count; } }

        public string[] IdsSnapshot() { lock (Gate) return Ids.ToArray(); }

        public bool ContainsUrl(string normalized) { lock (Gate) return Urls.Contains(normalized); }
    }
}
