using System.Security.Cryptography;
using System.Text;

namespace SendPilot.Sandbox;

/// <summary>Conversations, their messages, and connection requests, under one lock.</summary>
public sealed class InboxStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Conversation> _conversations = new();
    private readonly Dictionary<string, List<InboxMessage>> _messages = new();
    private readonly Dictionary<string, string> _conversationByParticipant = new();
    private readonly List<InboxMessage> _sentViaApi = [];
    private readonly List<ConnectionRequest> _connectionRequests = [];
    private int _lastMessage;
    private int _lastConversation;
    private int _lastConnection;

    /// <summary>Conversations, newest activity first; all accounts when accountId is null.</summary>
    public IReadOnlyList<Conversation> Conversations(string? accountId = null)
    {
        lock (_gate)
        {
            return _conversations.Values
                .Where(c => accountId is null || c.AccountId == accountId)
                .OrderByDescending(c => c.LastMessageAt).ThenBy(c => c.Id, StringComparer.Ordinal)
                .ToArray();
        }
    }

    public Conversation? FindConversation(string id)
    {
        lock (_gate) return _conversations.GetValueOrDefault(id);
    }

    /// <summary>Messages of a conversation, newest first.</summary>
    public IReadOnlyList<InboxMessage> Messages(string conversationId)
    {
        lock (_gate)
        {
            return _messages.TryGetValue(conversationId, out var list)
                ? list.OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id, StringComparer.Ordinal).ToArray()
                : [];
        }
    }

    /// <summary>Messages sent through the API (not seeded history), oldest first.</summary>
    public IReadOnlyList<InboxMessage> SentMessages
    {
        get { lock (_gate) return _sentViaApi.ToArray(); }
    }

    public IReadOnlyList<ConnectionRequest> ConnectionRequests
    {
        get { lock (_gate) return _connectionRequests.ToArray(); }
    }

    internal InboxMessage SendMessage(Sender sender, string recipientUrl, string participantName, string text,
        DateTimeOffset now, string? leadId, string? campaignId)
    {
        lock (_gate)
        {
            var message = AppendMessage(sender.Id, recipientUrl, participantName, "outbound", text, now, leadId, campaignId);
            _sentViaApi.Add(message);
            return message;
        }
    }

    /// <summary>Seeds history; also usable to simulate a reply.</summary>
    internal InboxMessage AppendMessage(string accountId, string participantUrl, string participantName,
        string direction, string text, DateTimeOffset at, string? leadId = null, string? campaignId = null)
    {
        lock (_gate)
        {
            var conversation = ConversationWith(accountId, participantUrl, participantName);
            var message = new InboxMessage($"msg_sbx{++_lastMessage:D6}", conversation.Id, accountId, direction, text, at, leadId, campaignId);
            _messages[conversation.Id].Add(message);
            _conversations[conversation.Id] = conversation with
            {
                LastMessageAt = at,
                LastMessagePreview = text.Length <= 80 ? text : text[..80],
                UnreadCount = direction == "inbound" ? conversation.UnreadCount + 1 : 0,
            };
            return message;
        }
    }

    internal ConnectionRequest RecordConnectionRequest(string senderId, string recipientUrl, string? note, string status, DateTimeOffset now)
    {
        lock (_gate)
        {
            var request = new ConnectionRequest($"conn_sbx{++_lastConnection:D6}", senderId, recipientUrl, note, status, now);
            _connectionRequests.Add(request);
            return request;
        }
    }

    private Conversation ConversationWith(string accountId, string participantUrl, string participantName)
    {
        var key = accountId + "|" + participantUrl;
        if (_conversationByParticipant.TryGetValue(key, out var existingId)) return _conversations[existingId];

        var conversation = new Conversation(NewConversationId(), accountId, participantName, participantUrl, default, "", 0);
        _conversationByParticipant[key] = conversation.Id;
        _conversations[conversation.Id] = conversation;
        _messages[conversation.Id] = [];
        return conversation;
    }

    // Looks like the production ids ("2-OVp-y-UNyFXBYvx0FqmQ") yet is deterministic per sandbox run.
    private string NewConversationId()
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"conversation-{++_lastConversation}"));
        var text = Convert.ToBase64String(hash, 0, 15).Replace('+', '-').Replace('/', '_');
        return "2-" + text;
    }
}
