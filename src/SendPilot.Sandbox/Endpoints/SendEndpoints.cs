using System.Text.RegularExpressions;
using SendPilot.Sandbox.Http;

namespace SendPilot.Sandbox.Endpoints;

/// <summary>POST /inbox/send, /inbox/send/lead/{leadId} and /inbox/connect.</summary>
internal static partial class SendEndpoints
{
    public const int MaxMessageLength = 8000;
    public const int MaxNoteLength = 300;

    public static void Map(ApiRouter router) => router
        .Post("/inbox/send", SendToProfile)
        .Post("/inbox/send/lead/{leadId}", SendToLead)
        .Post("/inbox/connect", Connect);

    private static ApiResult SendToProfile(ApiRequest r)
    {
        var problems = new List<string>();
        var senderId = Required(r, "senderId", problems);
        var recipient = RecipientUrl(r, problems);
        var text = MessageText(r, problems);
        if (problems.Count > 0) return ApiResult.Invalid(problems);

        var leadId = r.BodyString("leadId");
        var lead = leadId is null ? null : r.State.Leads.Find(leadId);
        var campaignId = r.BodyString("campaignId") ?? lead?.CampaignId;
        return Deliver(r, senderId!, recipient!, r.BodyString("recipientLinkedinUrl")!.Trim(), text!, lead, leadId, campaignId);
    }

    private static ApiResult SendToLead(ApiRequest r)
    {
        var problems = new List<string>();
        var senderId = Required(r, "senderId", problems);
        var text = MessageText(r, problems);
        if (problems.Count > 0) return ApiResult.Invalid(problems);

        if (r.State.Leads.Find(r.Route("leadId")) is not { } lead) return ApiResult.NotFound("Lead not found");
        var recipient = LinkedInProfileUrl.TryParse(lead.LinkedinUrl)!;
        var campaignId = r.BodyString("campaignId") ?? lead.CampaignId;
        return Deliver(r, senderId!, recipient, lead.LinkedinUrl, FillTemplate(text!, lead), lead, lead.Id, campaignId);
    }

    private static ApiResult Deliver(ApiRequest r, string senderId, LinkedInProfileUrl recipient, string recipientText,
        string text, Lead? lead, string? leadId, string? campaignId)
    {
        if (r.State.Senders.Find(senderId) is not { } sender) return ApiResult.NotFound("Sender not found");
        if (SenderProblem(sender, "message") is { } unavailable) return unavailable;
        if (!r.State.Connections.IsConnected(recipient)) return ApiResult.BadRequest("Recipient is not a 1st-degree connection");
        if (!r.State.Senders.TryUseMessage(sender)) return ApiResult.Error(429, "Daily message limit exceeded");

        var name = lead is null ? NameFromSlug(recipient.Slug) : $"{lead.FirstName} {lead.LastName}".Trim();
        var message = r.State.Inbox.SendMessage(sender, recipient.Normalized, name, text, r.Now, leadId, campaignId);
        r.State.Campaigns.CountActivity(campaignId, messages: 1);
        r.State.Webhooks.Emit("message.sent", new
        {
            leadId, campaignId, linkedinUrl = recipientText, senderId, message = text, sequenceStep = 0,
        }, r.Now);

        return ApiResult.Created(new
        {
            success = true,
            messageId = message.Id,
            conversationId = message.ConversationId,
            leadId,
            recipientLinkedinUrl = recipientText,
            senderId,
            status = "sent",
            timestamp = Iso.Format(message.SentAt),
        });
    }

    private static ApiResult Connect(ApiRequest r)
    {
        var problems = new List<string>();
        var senderId = Required(r, "senderId", problems);
        var recipient = RecipientUrl(r, problems);
        var note = r.BodyString("message");
        if (note is { Length: > MaxNoteLength }) problems.Add($"message must be {MaxNoteLength} characters or fewer");
        if (problems.Count > 0) return ApiResult.Invalid(problems);

        if (r.State.Senders.Find(senderId!) is not { } sender) return ApiResult.NotFound("Sender not found");
        if (SenderProblem(sender, "connection") is { } unavailable) return unavailable;

        var recipientText = r.BodyString("recipientLinkedinUrl")!.Trim();
        var connected = r.State.Connections.IsConnected(recipient!);
        if (!connected && !r.State.Senders.TryUseConnection(sender)) return ApiResult.Error(429, "Daily connection limit exceeded");

        // Free LinkedIn accounts send the request without the note.
        var sentNote = sender.IsPremium ? note : null;
        var status = connected ? "already_connected" : "sent";
        var request = r.State.Inbox.RecordConnectionRequest(sender.Id, recipient!.Normalized, sentNote, status, r.Now);
        if (!connected)
        {
            r.State.Webhooks.Emit("connection_request.sent", new
            {
                leadId = (string?)null, campaignId = (string?)null, linkedinUrl = recipientText, senderId = sender.Id, note = sentNote,
            }, r.Now);
        }

        return ApiResult.Created(new
        {
            success = true,
            requestId = request.Id,
            recipientLinkedinUrl = recipientText,
            status,
            timestamp = Iso.Format(request.Timestamp),
        });
    }

    private static ApiResult? SenderProblem(Sender sender, string kind) => sender.Status switch
    {
        "disconnected" => ApiResult.BadRequest("Sender account is disconnected"),
        "rate_limited" => ApiResult.Error(429, $"Daily {kind} limit exceeded"),
        _ => null,
    };

    private static string? Required(ApiRequest r, string name, List<string> problems)
    {
        var value = r.BodyString(name);
        if (string.IsNullOrWhiteSpace(value)) problems.Add($"{name} is required");
        return value;
    }

    private static LinkedInProfileUrl? RecipientUrl(ApiRequest r, List<string> problems)
    {
        var raw = Required(r, "recipientLinkedinUrl", problems);
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var url = LinkedInProfileUrl.TryParse(raw);
        if (url is null) problems.Add("recipientLinkedinUrl must be a LinkedIn profile URL (https://www.linkedin.com/in/<slug>)");
        else if (url.IsInternalId) problems.Add("recipientLinkedinUrl must be a public profile URL, not an internal ACoAA… id");
        return url is { IsInternalId: false } ? url : null;
    }

    private static string? MessageText(ApiRequest r, List<string> problems)
    {
        var text = r.BodyString("message");
        if (string.IsNullOrEmpty(text)) problems.Add("message is required");
        else if (text.Length > MaxMessageLength) problems.Add($"message must be {MaxMessageLength} characters or fewer");
        return text;
    }

    /// <summary>Fills {{firstName}}, {{lastName}} and the lead's custom fields; unknown placeholders stay.</summary>
    private static string FillTemplate(string text, Lead lead) => Placeholder().Replace(text, match =>
    {
        var name = match.Groups[1].Value;
        return name switch
        {
            "firstName" => lead.FirstName ?? "",
            "lastName" => lead.LastName ?? "",
            _ => lead.Data.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "" : match.Value,
        };
    });

    private static string NameFromSlug(string slug) =>
        string.Join(' ', slug.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Where(part => !part.All(char.IsDigit))
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    [GeneratedRegex(@"\{\{\s*(\w+)\s*\}\}")]
    private static partial Regex Placeholder();
}
