using System.Management.Automation;
using SendPilot.Client.Models;
using SendPilot.Client.Outreach;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Outreach
{
    /// <summary>Sends a LinkedIn connection request, with an optional templated note, to each profile piped in — never twice.</summary>
    /// <remarks>
    /// <para>Each recipient gets one POST /inbox/connect. The receipt's Status is "sent", or "already_connected" when the
    /// person is already a 1st-degree connection (no request is needed and no quota is used).</para>
    /// <para>-Message is an optional note and a template: every {{name}} is filled from the input object's property of that
    /// name (ignoring case); a placeholder with no value fails that row. The filled note may have at most 300 characters.
    /// LinkedIn delivers notes only from Premium senders: a free sender's request goes out without the note (the command
    /// warns once per such sender when the sender list says so).</para>
    /// <para>Without -SenderId the active senders are used, the one with the most daily connection quota left first; a
    /// sender that reaches its daily limit is not used again in the command, and when all are spent the remaining rows fail
    /// with SendPilot.AllSendersSpent and no request. After a timeout, a 5xx or a dropped connection the row fails with
    /// SendPilot.DeliveryUnknown and is never sent again automatically.</para>
    /// </remarks>
    /// <example>
    /// <code>Import-Csv .\prospects.csv | Request-SpConnection -Message 'Hi {{firstName}} — {{icebreaker}}'</code>
    /// <para>Asks every row's linkedinUrl to connect, with a note filled from the row's columns.</para>
    /// </example>
    /// <example>
    /// <code>'https://www.linkedin.com/in/jane-doe' | Request-SpConnection -SenderId sender_ann</code>
    /// <para>One request without a note, from sender_ann.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Request, "SpConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.ConnectionRequests)]
    [OutputType(typeof(ConnectionReceipt))]
    public sealed class RequestSpConnectionCommand : OutreachCommand
    {
        /// <summary>
        /// The LinkedIn profile URL to ask (https://www.linkedin.com/in/&lt;name&gt;). Binds from piped strings and from the
        /// RecipientLinkedinUrl or LinkedinUrl property of piped objects (such as Import-Csv rows).
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("LinkedinUrl")]
        public string RecipientLinkedinUrl { get; set; } = "";

        /// <summary>
        /// An optional note template, at most 300 characters once filled; {{name}} takes the input object's property of that
        /// name (ignoring case). Only Premium senders deliver notes. Default: no note.
        /// </summary>
        [Parameter]
        [Alias("Note")]
        public string? Message { get; set; }

        private MessageTemplate? _template;

        protected override OutreachAction Action => OutreachAction.Connection;

        protected override void Begin()
        {
            if (!string.IsNullOrEmpty(Message)) _template = new MessageTemplate(Message!);
        }

        protected override void ProcessRow()
        {
            string? url = Recipients.ProfileUrl(RecipientLinkedinUrl, this, Target, Row);
            if (url == null) return;

            string? note = null;
            if (_template != null && (note = Render(_template, null, OutreachLimits.MaxNoteLength, "note", url)) == null) return;
            if (!Confirm("Request connection", url, note ?? "(no note)")) return;

            ConnectionReceipt? receipt = Deliver(sender => Client.RequestConnectionAsync(sender, url, note, CancelToken), url,
                sender => "the lead's status (CONNECTION_SENT) or pending invitations on LinkedIn; an existing conversation shows with " +
                          Recipients.ConversationHint(url, sender));
            if (receipt?.SenderId != null && note != null) WarnIfNoteDropped(receipt.SenderId);
        }

        protected override string Describe() => RecipientLinkedinUrl;
    }
}
