using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using SendPilot.Client.Ledger;
using SendPilot.Client.Models;
using SendPilot.Client.Outreach;
using SendPilot.PowerShell.Completers;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Outreach
{
    /// <summary>
    /// Shared by Send-SpMessage and Request-SpConnection: the input row for templates, the delivery service of
    /// the command (senders, send log, at-most-once), the -WhatIf preview, and the record of each outcome.
    /// </summary>
    public abstract class OutreachCommand : SendPilotCmdlet
    {
        /// <summary>
        /// The sender account(s) to send from, by id (e.g. sender_ann). Several are used in the order given;
        /// the next takes over when one reaches its daily limit. Default: the active senders, the one with
        /// the most daily quota left first.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [SenderIdCompletion]
        public string[]? SenderId { get; set; }

        /// <summary>
        /// Sends even when the send log shows that this already went out (or may have) from this workspace. The new
        /// send is logged too. Without it such items are skipped with SendPilot.AlreadySent and cost no request.
        /// </summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The whole pipeline object; its properties fill the template's {{placeholders}}. Bound from the pipeline.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        private OutreachDelivery? _delivery;
        private readonly System.Collections.Generic.HashSet<string> _warnedFree = new System.Collections.Generic.HashSet<string>();
        private int _row;

        protected abstract OutreachAction Action { get; }

        /// <summary>The 1-based number of the current input item, for error messages.</summary>
        protected int Row => _row;

        /// <summary>The pipeline object, or the bound parameters when the command is not fed by the pipeline.</summary>
        protected object Target => (object?)InputObject ?? Describe();

        protected abstract string Describe();

        protected override void ProcessItem()
        {
            _row++;
            ProcessRow();
        }

        protected abstract void ProcessRow();

        /// <summary>The delivery service of this command, made on first use (so rows that fail validation cost no request).</summary>
        private OutreachDelivery Delivery => _delivery ??= new OutreachDelivery(Client, Action, SenderId,
            Await(SendLogSettings.OpenAsync(ResolveConnection(), Client, CancelToken)),
            note => PostToPipeline(() => WriteVerbose(note)));

        /// <summary>A property of the input row by name, ignoring case, as text; null when absent.</summary>
        protected string? ValueOf(string name) => Recipients.ValueOf(InputObject, name);

        /// <summary>Fills the template from the row and checks the length; writes the item's error and returns null when it cannot be sent.</summary>
        protected string? Render(MessageTemplate template, string[]? filledByServer, int maxLength, string what, string recipient)
        {
            RenderedText rendered = template.Render(ValueOf, filledByServer);
            if (!rendered.IsComplete)
            {
                string names = string.Join(", ", rendered.Missing.Select(n => "{{" + n + "}}"));
                WriteError(ErrorRecords.Invalid(
                    $"{(rendered.Missing.Count == 1 ? "Placeholder " + names + " has" : "Placeholders " + names + " have")} no value in input row {Row} ({recipient}): " +
                    "the row has no such property, or it is empty. Nothing was sent to this recipient.",
                    "SendPilot.TemplateValueMissing", Target));
                return null;
            }
            string? problem = MessageTemplate.CheckLength(rendered.Text, maxLength, what);
            if (problem != null)
            {
                string id = rendered.Text.Trim().Length == 0 ? "SendPilot.MessageEmpty" : what == "note" ? "SendPilot.NoteTooLong" : "SendPilot.MessageTooLong";
                WriteError(ErrorRecords.Invalid($"{problem} Input row {Row} ({recipient}) was not sent.", id, Target));
                return null;
            }
            return rendered.Text;
        }

        /// <summary>
        /// Previews, confirms and delivers one item, then writes its receipt (returned) or its error (null returned).
        /// Under -WhatIf the line says who would get what from which sender, or that the send log would skip it.
        /// </summary>
        protected DeliveryReceipt? Dispatch(OutreachItem item, string recipient, string shownText, Func<string, string> checkHint)
        {
            DeliveryOutcome outcome;
            try
            {
                DeliveryPreview preview = Await(Delivery.PreviewAsync(item, CancelToken));
                if (!Confirmed(preview, recipient, shownText)) return null;
                outcome = Await(Delivery.DeliverAsync(item, CancelToken));
            }
            catch (System.IO.IOException unavailable)
            {
                throw new TerminatingCmdletError(SendLogSettings.Unavailable(unavailable, Delivery.Ledger?.FilePath ?? "", $"{recipient} (input row {Row})"));
            }
            var context = new OutreachRecordContext(Action, Row, Target, recipient, item, checkHint);
            ErrorRecord? error = OutreachRecords.ErrorFor(outcome, context);
            if (error != null)
            {
                WriteError(error);
                return null;
            }
            WriteModel(outcome.Receipt!);
            return outcome.Receipt;
        }

        private bool Confirmed(DeliveryPreview preview, string recipient, string shownText)
        {
            if (preview.Previous != null)
            {
                // Without -WhatIf the delivery itself reports the skip (and checks the log again, under its lock).
                if (!PreferenceWanted("WhatIf", "WhatIfPreference")) return true;
                string skip = $"{Verb} to {recipient}: {OutreachRecords.WouldSkip(preview.Previous)}";
                ShouldProcess(skip, skip, "Skip");
                return false;
            }
            string sender = preview.SenderId ?? "(no sender left)";
            string line = $"{Verb} to {recipient} from {sender}: \"{MessageTemplate.Preview(shownText)}\" ({Workspace})";
            if (ShouldProcess(line, $"{Verb} to {recipient} from {sender}?", "Confirm")) return true;
            Delivery.Pass(preview);
            return false;
        }

        /// <summary>Warns once per sender the sender list shows without LinkedIn Premium: its requests go out without the note.</summary>
        protected void WarnIfNoteDropped(string senderId)
        {
            if (Delivery.IsPremium(senderId) == false && _warnedFree.Add(senderId))
                WriteWarning($"Sender {senderId} has no LinkedIn Premium: its connection requests go out without the note.");
        }

        private string Verb => Action == OutreachAction.Message ? "Send message" : "Request connection";
    }
}
