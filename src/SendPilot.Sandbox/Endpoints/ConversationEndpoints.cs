using SendPilot.Sandbox.Http;

namespace SendPilot.Sandbox.Endpoints;

internal static class ConversationEndpoints
{
    public static void Map(ApiRouter router) => router
        .Get("/inbox/conversations", List)
        .Get("/inbox/conversations/{id}/messages", Messages);

    private static ApiResult List(ApiRequest r)
    {
        if (Continuation.TryRead(r, out var offset, out var limit) is { } invalid) return invalid;
        var conversations = r.State.Inbox.Conversations(r.Query("accountId"));
        return Continuation.Page("conversations", conversations, offset, limit, c => new
        {
            c.Id,
            c.AccountId,
            c.ParticipantName,
            c.ParticipantLinkedinUrl,
            LastMessageAt = Iso.Format(c.LastMessageAt),
            c.LastMessagePreview,
            c.UnreadCount,
        });
    }

    private static ApiResult Messages(ApiRequest r)
    {
        var accountId = r.Query("accountId");
        if (accountId is null) return ApiResult.BadRequest("accountId is required");
        if (Continuation.TryRead(r, out var offset, out var limit) is { } invalid) return invalid;

        var conversation = r.State.Inbox.FindConversation(r.Route("id"));
        if (conversation is null || conversation.AccountId != accountId) return ApiResult.NotFound("Conversation not found");

        var messages = r.State.Inbox.Messages(conversation.Id);
        return Continuation.Page("messages", messages, offset, limit, m => new
        {
            m.Id,
            m.ConversationId,
            m.SenderId,
            m.Direction,
            m.Text,
            SentAt = Iso.Format(m.SentAt),
        });
    }
}
