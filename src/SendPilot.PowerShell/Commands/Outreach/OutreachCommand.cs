using System;
using System.Collections;
using System.Management.Automation;
using System.Threading.Tasks;
using SendPilot.Client;
using SendPilot.Client.Models;
using SendPilot.Client.Outreach;
using SendPilot.PowerShell.Completers;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Outreach
{
    /// <summary>
    /// Shared by Send-SpMessage and Request-SpConnection: the input row for templates, the sender
    /// pool of the command, the -WhatIf preview, and one error record per failed item.
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

        /// <summary>The whole pipeline object; its properties fill the template's {{placeholders}}. Bound from the pipeline.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        private SenderPool? _pool;
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

        /// <summary>The senders of this command, read on first use (so rows that fail validation cost no request).</summary>
        protected SenderPool Pool => _pool ??= Await(Client.CreateSenderPoolAsync(Action, SenderId,
            note => PostToPipeline(() => WriteVerbose(note)), CancelToken));

        /// <summary>A property of the input row by name, ignoring case, as text; null when absent.</summary>
        protected string? ValueOf(string name)
        {
            object? value = null;
            if (InputObject?.BaseObject is IDictionary map)
            {
                foreach (DictionaryEntry entry in map)
                    if (string.Equals(Convert.ToString(entry.Key), name, StringComparison.OrdinalIgnoreCase)) value = entry.Value;
            }
            else if (InputObject != null && !(InputObject.BaseObject is string))
            {
                value = InputObject.Properties[name]?.Value;
            }
            if (value is PSObject ps) value = ps.BaseObject;
            return value == null ? null : LanguagePrimitives.ConvertTo<string>(value);
        }

        /// <summary>Fills the template from the row and checks the length; writes the item's error and returns null when it cannot be sent.</summary>
        protected string? Render(MessageTemplate template, string[]? filledByServer, int maxLength, string what, string recipient)
        {
            RenderedText rendered = template.Render(ValueOf, filledByServer);
            if (!rendered.IsComplete)
            {
                string names = string.Join(", ", System.Linq.Enumerable.Select(rendered.Missing, n => "{{" + n + "}}"));
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
        /// Asks ShouldProcess with a line that says who would get what from which sender. Under
        /// -WhatIf (or a "no") the preview still takes the sender's turn, so the preview spreads like a run.
        /// </summary>
        protected bool Confirm(string verb, string recipient, string text)
        {
            string sender = Pool.Peek() ?? "(no sender left)";
            string preview = $"{verb} to {recipient} from {sender}: \"{MessageTemplate.Preview(text)}\" ({Workspace})";
            if (ShouldProcess(preview, $"{verb} to {recipient} from {sender}?", "Confirm")) return true;
            string? turn = Pool.Choose();
            if (turn != null) Pool.RecordSent(turn);
            return false;
        }

        /// <summary>
        /// Sends one item through the pool and writes its receipt (returned) or its error (null returned).
        /// Daily-limit 429s move the item to the next sender; 401/403 end the command; everything else
        /// fails only this item.
        /// </summary>
        protected T? Deliver<T>(Func<string, Task<T>> attempt, string recipient, Func<string, string> checkHint) where T : ApiObject
        {
            string sender = "";
            try
            {
                T receipt = Await(Pool.DeliverAsync(s => { sender = s; return attempt(s); }, line => PostToPipeline(() => WriteVerbose(line))));
                WriteModel(receipt);
                return receipt;
            }
            catch (SendersSpentException spent)
            {
                WriteError(new ErrorRecord(spent, "SendPilot.AllSendersSpent", ErrorCategory.LimitsExceeded, Target)
                {
                    ErrorDetails = new ErrorDetails($"Not sent to {recipient} (input row {Row}): {spent.Message}"),
                });
            }
            catch (SendPilotApiException unknown) when (unknown.Kind == ApiErrorKind.DeliveryUnknown)
            {
                var record = ErrorRecords.FromApi(unknown, Target, "SendPilot.DeliveryUnknown");
                record.ErrorDetails = new ErrorDetails(
                    $"The {Noun} to {recipient} from {sender} (input row {Row}) may have been delivered: {unknown.InnerException?.Message ?? unknown.Message} " +
                    "It was not sent again, so nobody gets it twice.")
                {
                    RecommendedAction = "Check whether it went out before sending again: " + checkHint(sender),
                };
                WriteError(record);
            }
            catch (SendPilotApiException whole) when (whole.Kind == ApiErrorKind.Authentication || whole.Kind == ApiErrorKind.PermissionDenied)
            {
                throw;
            }
            catch (SendPilotApiException failed)
            {
                // Not sent (400 not connected, 404 unknown lead or sender, a rate limit without Retry-After …):
                // the API's JSON error stays in ErrorDetails, as everywhere in the module.
                string? id = failed.Kind == ApiErrorKind.InvalidRequest
                    ? (Action == OutreachAction.Message ? "SendPilot.MessageRejected" : "SendPilot.ConnectionRejected")
                    : null;
                WriteApiError(failed, Target, id);
            }
            return null;
        }

        /// <summary>Warns once per sender the sender list shows without LinkedIn Premium: its requests go out without the note.</summary>
        protected void WarnIfNoteDropped(string senderId)
        {
            if (Pool.IsPremium(senderId) == false && _warnedFree.Add(senderId))
                WriteWarning($"Sender {senderId} has no LinkedIn Premium: its connection requests go out without the note.");
        }

        private string Noun => Action == OutreachAction.Message ? "message" : "connection request";
    }
}
