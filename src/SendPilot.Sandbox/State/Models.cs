namespace SendPilot.Sandbox;

// Immutable snapshots: stores replace a record to change it, so tests may hold and read them freely.

public sealed record Campaign
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>started, paused, draft or finished (current generation spelling).</summary>
    public required string Status { get; init; }
    public string Type { get; init; } = "linkedin";
    public string Description { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int ConnectionsSent { get; init; }
    public int MessagesSent { get; init; }
    public int RepliesReceived { get; init; }
    public int LeadsContacted { get; init; }
    public IReadOnlyList<string> LinkedInSenderIds { get; init; } = [];
}

public sealed record Lead
{
    public required string Id { get; init; }
    public required string CampaignId { get; init; }
    public required string LinkedinUrl { get; init; }
    public string Status { get; init; } = "PENDING";
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Title { get; init; }
    public string? Company { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? CustomLeadStatus { get; init; }
    public string? Note { get; init; }
    public string? SenderId { get; init; }
    public string? Email { get; init; }
    public string? Industry { get; init; }
    public string? Location { get; init; }
    public string? Website { get; init; }
    public string? About { get; init; }
    public string? ProfilePictureUrl { get; init; }
    public int? ConnectionCount { get; init; }
    public int? FollowerCount { get; init; }
    public bool IsOpenProfile { get; init; }
    public bool IsPremium { get; init; }
    /// <summary>Custom fields: string, long, double or bool values.</summary>
    public IReadOnlyDictionary<string, object> Data { get; init; } = new Dictionary<string, object>();
}

public sealed record Sender(
    string Id,
    string Name,
    string LinkedinUrl,
    string Status,
    bool IsPremium,
    int DailyMessageLimit,
    int DailyConnectionLimit,
    int DailyLikeLimit);

public sealed record SenderUsage(int MessagesUsed, int ConnectionsUsed, int LikesUsed);

public sealed record Conversation(
    string Id,
    string AccountId,
    string ParticipantName,
    string ParticipantLinkedinUrl,
    DateTimeOffset LastMessageAt,
    string LastMessagePreview,
    int UnreadCount);

public sealed record InboxMessage(
    string Id,
    string ConversationId,
    string SenderId,
    string Direction,
    string Text,
    DateTimeOffset SentAt,
    string? LeadId = null,
    string? CampaignId = null);

public sealed record ConnectionRequest(
    string Id,
    string SenderId,
    string RecipientLinkedinUrl,
    string? Note,
    string Status,
    DateTimeOffset Timestamp);

public sealed record CreditBalance(int Available, int Subscription, int Purchased, int Used, DateTimeOffset NextResetDate);
