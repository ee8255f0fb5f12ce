namespace SendPilot.Sandbox;

/// <summary>The deterministic data every sandbox starts with (and returns to on Reset).</summary>
internal static class SeedData
{
    public const string MainCampaignId = "camp_xyz789";
    public const int MainCampaignLeads = 120;
    public const int CampaignCount = 45;
    public const int ConversationCount = 45;

    /// <summary>Seeded timestamps count back from here so responses are stable between runs.</summary>
    public static readonly DateTimeOffset Clock = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] CampaignStatuses = ["started", "paused", "draft", "finished"];
    private static readonly string[] Topics =
        ["Founders", "CTOs", "Agencies", "SaaS", "Fintech", "Healthcare", "Recruiters", "E-commerce", "Investors"];
    private static readonly string[] Quarters = ["Q1", "Q2", "Q3", "Q4"];

    // Repeats every 10 leads: PENDING and CONNECTION_SENT leads are not connected yet ("stranger-" slugs).
    private static readonly string[] LeadStatusCycle =
    [
        "PENDING", "CONNECTION_SENT", "CONNECTION_ACCEPTED", "CONNECTION_ACCEPTED", "MESSAGE_SENT",
        "REPLY_RECEIVED", "CONNECTION_ACCEPTED", "PENDING", "DONE", "OPPORTUNITY",
    ];
    private static readonly string[] FirstNames =
        ["Alice", "Bruno", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kira", "Liam"];
    private static readonly string[] LastNames =
        ["Anders", "Baker", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Haddad", "Ito", "Jensen"];
    private static readonly string[] Companies = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay"];
    private static readonly string[] Titles = ["CEO", "CTO", "VP Sales", "Head of Growth", "Founder", "COO"];

    public static IReadOnlyList<Sender> Senders() =>
    [
        new("sender_ann", "Ann Archer", "https://www.linkedin.com/in/ann-archer", "active", true, 100, 30, 50),
        new("sender_ben", "Ben Brooks", "https://www.linkedin.com/in/ben-brooks", "active", false, 2, 2, 5),
        new("sender_cho", "Cho Chen", "https://www.linkedin.com/in/cho-chen", "rate_limited", true, 100, 30, 50),
        new("sender_dee", "Dee Dalton", "https://www.linkedin.com/in/dee-dalton", "disconnected", false, 100, 30, 50),
    ];

    public static IEnumerable<Campaign> Campaigns()
    {
        for (var i = 0; i < CampaignCount; i++)
        {
            var status = CampaignStatuses[i % CampaignStatuses.Length];
            var created = Clock.AddDays(-3 * i);
            var contacted = status == "draft" ? 0 : 10 + i * 3;
            yield return new Campaign
            {
                Id = i == 0 ? MainCampaignId : $"camp_sbx_{i:D2}",
                Name = i == 0 ? "Q4 Founders Outreach" : $"{Quarters[i % 4]} {Topics[i % Topics.Length]} Outreach #{i}",
                Status = status,
                Description = $"Sandbox campaign {i}",
                CreatedAt = created,
                UpdatedAt = created.AddHours(6),
                ConnectionsSent = contacted,
                MessagesSent = contacted / 2,
                RepliesReceived = contacted / 5,
                LeadsContacted = contacted,
                LinkedInSenderIds = i % 2 == 0 ? ["sender_ann"] : ["sender_ann", "sender_ben"],
            };
        }
    }

    /// <summary>120 leads for camp_xyz789, then 3 each for camp_sbx_01 … camp_sbx_08.</summary>
    public static IEnumerable<(string CampaignId, Lead Lead)> Leads()
    {
        for (var i = 0; i < MainCampaignLeads; i++) yield return (MainCampaignId, MakeLead(i, LeadStatusCycle[i % 10]));
        for (var c = 1; c <= 8; c++)
        {
            for (var j = 0; j < 3; j++)
            {
                var i = MainCampaignLeads + (c - 1) * 3 + j;
                yield return ($"camp_sbx_{c:D2}", MakeLead(i, LeadStatusCycle[(i + j) % 10]));
            }
        }
    }

    public static bool IsConnectedStatus(string status) => status is not ("PENDING" or "CONNECTION_SENT");

    private static Lead MakeLead(int i, string status)
    {
        var first = FirstNames[i % FirstNames.Length];
        var last = LastNames[i / FirstNames.Length % LastNames.Length];
        var company = Companies[i % Companies.Length];
        var slug = $"{first}-{last}-{i + 1}".ToLowerInvariant();
        if (!IsConnectedStatus(status)) slug = "stranger-" + slug;
        var at = Clock.AddHours(-i);
        return new Lead
        {
            Id = "", // assigned by the store
            CampaignId = "",
            LinkedinUrl = $"https://www.linkedin.com/in/{slug}",
            Status = status,
            FirstName = first,
            LastName = last,
            Title = Titles[i % Titles.Length],
            Company = company,
            CreatedAt = at,
            UpdatedAt = at,
            CustomLeadStatus = status == "REPLY_RECEIVED" ? "INTERESTED" : null,
            SenderId = status == "PENDING" ? null : "sender_ann",
            Email = $"{first}.{last}@{company}.example".ToLowerInvariant(),
            Industry = "Software",
            Location = "Berlin, Germany",
            Website = $"https://{company.ToLowerInvariant()}.example",
            About = $"{Titles[i % Titles.Length]} at {company}.",
            ProfilePictureUrl = $"https://media.example/{slug}.jpg",
            ConnectionCount = 200 + i * 7,
            FollowerCount = 300 + i * 11,
            IsOpenProfile = i % 7 == 0,
            IsPremium = i % 3 == 0,
            Data = new Dictionary<string, object> { ["icebreaker"] = $"Saw {company}'s news", ["customScore"] = (long)(50 + i % 50) },
        };
    }
}
