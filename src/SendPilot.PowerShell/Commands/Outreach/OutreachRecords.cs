using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using SendPilot.Client;
using SendPilot.Client.Ledger;
using SendPilot.Client.Outreach;
using SendPilot.PowerShell.Infrastructure;

namespace SendPilot.PowerShell.Commands.Outreach
{
    /// <summary>What an outcome is about: the item, its input row and how to check on it.</summary>
    internal sealed class OutreachRecordContext
    {
        public OutreachRecordContext(OutreachAction action, int row, object target, string recipient, OutreachItem item, Func<string, string> checkHint)
        {
            Action = action;
            Row = row;
            Target = target;
            Recipient = recipient;
            Item = item;
            CheckHint = checkHint;
        }

        public OutreachAction Action { get; }
        public int Row { get; }
        public object Target { get; }
        public string Recipient { get; }
        public OutreachItem Item { get; }
        public Func<string, string> CheckHint { get; }
        public string Noun => Action == OutreachAction.Message ? "message" : "connection request";
    }

    /// <summary>
    /// The one mapping from a delivery outcome to what the user sees: nothing (a receipt is written) or one
    /// error record that names the row, the recipient and the sender, says what happened and what to do.
    /// </summary>
    internal static class OutreachRecords
    {
        public static ErrorRecord? ErrorFor(DeliveryOutcome outcome, OutreachRecordContext item)
        {
            switch (outcome.Status)
            {
                case DeliveryStatus.Sent: return null;
                case DeliveryStatus.AlreadySent: return AlreadySent(outcome.Previous!, item);
                case DeliveryStatus.Refused: return Refused(outcome, item);
                case DeliveryStatus.Unknown: return Unknown(outcome, item);
                case DeliveryStatus.NoSenderLeft: return NoSenderLeft(outcome, item);
                default: throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Status, "Unknown delivery status.");
            }
        }

        /// <summary>The -WhatIf line for an item the send log would skip.</summary>
        public static string WouldSkip(SendLogEntry previous) => previous.Status == SendLogStatus.Sent
            ? $"would skip: already sent on {When(previous.Time)} from {previous.SenderId} (send log {previous.Id}; -Force sends again)"
            : $"would skip: already sent on {When(previous.Time)} from {previous.SenderId}, outcome unknown (send log {previous.Id}; -Force sends again)";

        private static ErrorRecord AlreadySent(SendLogEntry previous, OutreachRecordContext item)
        {
            bool sameText = previous.TextHash == LedgerItem.HashOf(item.Item.Text ?? "");
            string what = item.Action == OutreachAction.Connection ? "a connection request" : sameText ? "this message" : "a message";
            string how = previous.Status == SendLogStatus.Sent
                ? $"{what} was already sent to them on {When(previous.Time)} from {previous.SenderId}"
                : $"{what} may already have reached them: it left on {When(previous.Time)} from {previous.SenderId} and its outcome is unknown";
            string within = !sameText && item.Action == OutreachAction.Message ? " (within -SkipIfContactedWithin)" : "";
            string message = $"Skipped {item.Recipient} (input row {item.Row}): {how}{within}, so nothing was sent (send log {previous.Id}).";
            string fix = previous.Status == SendLogStatus.Sent
                ? "To send it again anyway, add -Force."
                : $"Check whether it went out ({item.CheckHint(previous.SenderId)}), then record it: Set-SpSendLog -Id {previous.Id} -Status sent, or -Status notsent to let the next run send it. -Force sends anyway.";
            return Record(new InvalidOperationException(message), "SendPilot.AlreadySent", ErrorCategory.ResourceExists, item, message, fix);
        }

        private static ErrorRecord Refused(DeliveryOutcome outcome, OutreachRecordContext item)
        {
            SendPilotApiException failure = outcome.Failure!;
            string head = $"The {item.Noun} to {item.Recipient} from {outcome.SenderId} (input row {item.Row}) was not sent";
            if (outcome.Redirected)
                return Record(failure, "SendPilot.NotDelivered", ErrorCategory.ResourceUnavailable, item,
                    $"{head}: SendPilot answered {failure.StatusCode} (a redirect{(failure.RedirectLocation == null ? "" : " to " + failure.RedirectLocation)}), which does not deliver it, and it was not repeated.",
                    "Check the base URI (Get-SpContext) and connect again with the right one; a re-run then sends it.");
            string api = failure.ApiMessage ?? failure.Message;
            switch (failure.Kind)
            {
                case ApiErrorKind.InvalidRequest when IsNotConnected(failure):
                    return Record(failure, RejectedId(item), ErrorCategory.InvalidArgument, item,
                        $"{head}: {Sentence(api)} LinkedIn messages reach 1st-degree connections only.",
                        "Send a connection request first (Request-SpConnection); message them once they accept (their lead status becomes CONNECTION_ACCEPTED).");
                case ApiErrorKind.InvalidRequest:
                    return Record(failure, RejectedId(item), ErrorCategory.InvalidArgument, item,
                        $"{head}: SendPilot refused it ({Sentence(api)})", "Fix what SendPilot names, then run the command again; the items already sent are skipped.");
                case ApiErrorKind.NotFound:
                    return Record(failure, ErrorRecords.DefaultId(failure.Kind), ErrorCategory.ObjectNotFound, item,
                        $"{head}: SendPilot does not know it ({Sentence(api)})", "Check the lead id or profile URL (Get-SpLead lists the leads of a campaign).");
                case ApiErrorKind.RateLimited:
                    return Record(failure, ErrorRecords.DefaultId(failure.Kind), ErrorCategory.LimitsExceeded, item,
                        $"{head}: the API's rate limit was reached ({Sentence(api)}) and SendPilot gave no Retry-After, so it was not retried.",
                        "Run the command again in a minute; the items already sent are skipped.");
                default:
                    return Record(failure, ErrorRecords.DefaultId(failure.Kind), ErrorRecords.CategoryOf(failure), item,
                        $"{head}: {Sentence(failure.Message)}", "Run the command again once SendPilot answers normally; the items already sent are skipped.");
            }
        }

        private static ErrorRecord Unknown(DeliveryOutcome outcome, OutreachRecordContext item)
        {
            SendPilotApiException failure = outcome.Failure!;
            string cause = (failure.InnerException as SendPilotApiException)?.Message ?? failure.Message;
            string message = $"The {item.Noun} to {item.Recipient} from {outcome.SenderId} (input row {item.Row}) may have been delivered: {Sentence(cause)} " +
                             "It was not sent again, so nobody gets it twice.";
            string record = outcome.LogEntryId == null ? ""
                : $" Then record what you found: Set-SpSendLog -Id {outcome.LogEntryId} -Status sent (or notsent); until then a re-run skips this recipient.";
            return Record(failure, "SendPilot.DeliveryUnknown", CategoryOf(outcome.Cause), item, message,
                "Check whether it went out before sending again: " + item.CheckHint(outcome.SenderId!) + record);
        }

        private static ErrorRecord NoSenderLeft(DeliveryOutcome outcome, OutreachRecordContext item)
        {
            string request = outcome.RequestMade
                ? $" SendPilot refused the request from {outcome.SenderId}, so nothing was sent."
                : " No request was made for it.";
            if (outcome.SpentSenders.Count == 0)
            {
                string none = $"Not sent to {item.Recipient} (input row {item.Row}): there is no active sender account.{request}";
                return Record(new InvalidOperationException(none), "SendPilot.NoActiveSender", ErrorCategory.ResourceUnavailable, item, none,
                    "Reconnect a sender in SendPilot; Get-SpSender shows each sender's status.");
            }
            string spent = string.Join("; ", outcome.SpentSenders.Select(s => s.Id + ": " + s.Reason));
            bool limits = outcome.SpentSenders.Any(s => s.DailyLimit);
            string message = limits
                ? $"Not sent to {item.Recipient} (input row {item.Row}): no sender of this command can send another {item.Noun} today ({spent}).{request}"
                : $"Not sent to {item.Recipient} (input row {item.Row}): no sender of this command can send ({spent}).{request}";
            return limits
                ? Record(new InvalidOperationException(message), "SendPilot.AllSendersSpent", ErrorCategory.LimitsExceeded, item, message,
                    $"Daily limits reset {ResetTime(outcome)}; run the command again then (the items already sent are skipped), or now with another sender (-SenderId).")
                : Record(new InvalidOperationException(message), "SendPilot.SenderUnavailable", ErrorCategory.ObjectNotFound, item, message,
                    UsableSenders(outcome));
        }

        private static string ResetTime(DeliveryOutcome outcome)
        {
            DateTimeOffset? reset = outcome.SpentSenders.Where(s => s.DailyLimit && s.ResetsAt != null).Select(s => s.ResetsAt).Min();
            return reset == null ? "at the time Get-SpSenderQuota shows" : "at " + When(reset.Value);
        }

        private static string UsableSenders(DeliveryOutcome outcome)
        {
            var available = outcome.AvailableSenders;
            if (available == null || available.Count == 0) return "Get-SpSender lists the senders and their status; give a connected one with -SenderId.";
            return $"Get-SpSender lists the senders; active now: {string.Join(", ", available)}. Give one of them with -SenderId.";
        }

        private static ErrorRecord Record(Exception exception, string id, ErrorCategory category, OutreachRecordContext item, string message, string action) =>
            ErrorRecords.Described(exception, id, category, item.Target, message, action);

        private static ErrorCategory CategoryOf(UnknownCause? cause)
        {
            switch (cause)
            {
                case UnknownCause.Timeout: return ErrorCategory.OperationTimeout;
                case UnknownCause.Network: return ErrorCategory.ConnectionError;
                default: return ErrorCategory.ResourceUnavailable;
            }
        }

        private static bool IsNotConnected(SendPilotApiException failure) =>
            failure.ApiMessages.Any(m => m.IndexOf("1st-degree", StringComparison.OrdinalIgnoreCase) >= 0
                                      || m.IndexOf("not connected", StringComparison.OrdinalIgnoreCase) >= 0);

        private static string RejectedId(OutreachRecordContext item) =>
            item.Action == OutreachAction.Message ? "SendPilot.MessageRejected" : "SendPilot.ConnectionRejected";

        private static string Sentence(string text)
        {
            string trimmed = text.Trim();
            return trimmed.EndsWith(".") ? trimmed : trimmed + ".";
        }

        private static string When(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
    }
}
