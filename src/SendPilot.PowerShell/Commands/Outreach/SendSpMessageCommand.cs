using System.Management.Automation;
using SendPilot.PowerShell.Completers;
using SendPilot.Client.Models;
using SendPilot.Client.Outreach;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Outreach
{
    /// <summary>Sends a LinkedIn message, filled from a template, to each lead or 1st-degree connection piped in — never twice.</summary>
    /// <remarks>
    /// <para>By lead (-LeadId, e.g. from Get-SpLead) the message goes through POST /inbox/send/lead/{leadId}, and SendPilot itself
    /// fills {{firstName}} and {{lastName}}. By profile (-RecipientLinkedinUrl, alias linkedinUrl, e.g. from Import-Csv) it goes
    /// through POST /inbox/send; -CampaignId and -LeadId are then only recorded for tracking. Messages reach 1st-degree
    /// connections only: anyone else fails with the API's message and the rest go on.</para>
    /// <para>-Message is a template: every {{name}} is filled from the input object's property of that name (ignoring case).
    /// A placeholder with no value fails that row, naming the placeholder; the filled text must be 1–8000 characters.
    /// Rows that fail these checks cost no request.</para>
    /// <para>Without -SenderId the active senders are used, the one with the most daily message quota left first; when a
    /// sender reaches its daily limit the message moves to the next sender, and when all are spent the remaining rows fail
    /// with SendPilot.AllSendersSpent and no request.</para>
    /// <para>A send is never repeated once it may have reached SendPilot: after a timeout, a 5xx or a dropped connection the
    /// row fails with SendPilot.DeliveryUnknown; check the conversation (Get-SpConversation | Get-SpMessage) before sending
    /// again. Only a refused connection or an API rate limit with Retry-After is retried. -WhatIf shows, per recipient, the
    /// filled text and the sender, and sends nothing.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-SpLead -CampaignId camp_xyz789 -Status CONNECTION_ACCEPTED | Send-SpMessage -Message 'Hi {{firstName}}, thanks for connecting!' -WhatIf</code>
    /// <para>Shows who would get which text from which sender; nothing is sent. Run it again without -WhatIf to send.</para>
    /// </example>
    /// <example>
    /// <code>Import-Csv .\contacts.csv | Send-SpMessage -Message 'Hi {{firstName}}, {{icebreaker}}' -SenderId sender_ann</code>
    /// <para>Messages every row's linkedinUrl from sender_ann, filling firstName and icebreaker from the CSV columns.</para>
    /// </example>
    /// <example>
    /// <code>Send-SpMessage -LeadId lead_3 -Message 'Hi {{firstName}}, shall we talk on Thursday?'</code>
    /// <para>Messages one lead; SendPilot fills {{firstName}}.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Send, "SpMessage", DefaultParameterSetName = ByLead, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.SendMessages)]
    [OutputType(typeof(MessageReceipt))]
    public sealed class SendSpMessageCommand : OutreachCommand
    {
        private const string ByLead = "ByLead";
        private const string ByProfile = "ByProfile";
        private static readonly string[] ServerFills = { "firstName", "lastName" };

        /// <summary>
        /// The lead to message (POST /inbox/send/lead/{leadId}); SendPilot fills {{firstName}} and {{lastName}}. With
        /// -RecipientLinkedinUrl it is only recorded for tracking. Binds from the LeadId property of piped objects.
        /// </summary>
        [Parameter(ParameterSetName = ByLead, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ByProfile, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string LeadId { get; set; } = "";

        /// <summary>
        /// The LinkedIn profile URL of a 1st-degree connection to message (POST /inbox/send). Binds from the
        /// RecipientLinkedinUrl or LinkedinUrl property of piped objects (such as Import-Csv rows).
        /// </summary>
        [Parameter(ParameterSetName = ByProfile, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("LinkedinUrl")]
        public string RecipientLinkedinUrl { get; set; } = "";

        /// <summary>The campaign to attribute the message to (optional; by lead the lead's own campaign is the default). Binds by property name.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [CampaignIdCompletion]
        public string? CampaignId { get; set; }

        /// <summary>
        /// The message template, 1–8000 characters once filled. {{name}} takes the input object's property of that name
        /// (ignoring case); by lead, {{firstName}} and {{lastName}} are left to SendPilot when the input has no value.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Message { get; set; } = "";

        private MessageTemplate? _template;

        protected override OutreachAction Action => OutreachAction.Message;

        protected override void Begin() => _template = new MessageTemplate(Message);

        protected override void ProcessRow()
        {
            string? url = Blank(RecipientLinkedinUrl) ?? Blank(ValueOf("RecipientLinkedinUrl")) ?? Blank(ValueOf("LinkedinUrl"));
            string? leadId = Blank(LeadId);
            // A CSV row with an empty leadId cell binds to the by-lead set: it is a by-profile row.
            bool byLead = ParameterSetName == ByLead && leadId != null;
            if (!byLead && (url = Recipients.ProfileUrl(url, this, Target, Row)) == null) return;

            string recipient = byLead ? $"lead {leadId}" + (url == null ? "" : $" ({url})") : url!;
            string? text = Render(_template!, byLead ? ServerFills : null, OutreachLimits.MaxMessageLength, "message", recipient);
            if (text == null || !Confirm("Send message", recipient, text)) return;

            string? campaignId = Blank(CampaignId);
            Deliver(sender => Client.SendMessageAsync(sender, text, byLead, leadId, url, campaignId, CancelToken), recipient,
                sender => Recipients.ConversationHint(url, sender));
        }

        protected override string Describe() => Blank(LeadId) ?? RecipientLinkedinUrl;

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
