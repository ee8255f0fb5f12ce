using System;
using System.Collections.Generic;
using SendPilot.Client.Ledger;
using SendPilot.Client.Models;

namespace SendPilot.Client.Outreach
{
    /// <summary>How one item ended.</summary>
    public enum DeliveryStatus
    {
        /// <summary>SendPilot accepted it: <see cref="DeliveryOutcome.Receipt"/>.</summary>
        Sent,

        /// <summary>The send log shows it already went out (or may have): <see cref="DeliveryOutcome.Previous"/>; no request.</summary>
        AlreadySent,

        /// <summary>SendPilot answered that it did not send it (or redirected the request): <see cref="DeliveryOutcome.Failure"/>.</summary>
        Refused,

        /// <summary>The request may have reached SendPilot and its answer is unknown or unreadable; it is not repeated.</summary>
        Unknown,

        /// <summary>No sender of the command can send it (daily limits, or senders the API refused).</summary>
        NoSenderLeft,
    }

    /// <summary>Why an item's delivery is unknown.</summary>
    public enum UnknownCause
    {
        ServerError,
        Timeout,
        Network,

        /// <summary>A 2xx answer that is not a receipt: empty, not JSON, null, a list, or without the receipt's fields.</summary>
        OddAnswer,
    }

    /// <summary>A sender that can no longer send in this command, and why.</summary>
    public sealed class SpentSender
    {
        public SpentSender(string id, string reason, bool dailyLimit, DateTimeOffset? resetsAt)
        {
            Id = id;
            Reason = reason;
            DailyLimit = dailyLimit;
            ResetsAt = resetsAt;
        }

        public string Id { get; }
        public string Reason { get; }
        public bool DailyLimit { get; }
        public DateTimeOffset? ResetsAt { get; }
    }

    /// <summary>The result of <see cref="OutreachDelivery.DeliverAsync"/>.</summary>
    public sealed class DeliveryOutcome
    {
        private DeliveryOutcome(DeliveryStatus status) => Status = status;

        public DeliveryStatus Status { get; }
        public DeliveryReceipt? Receipt { get; private set; }

        /// <summary>The sender of the last request made for the item.</summary>
        public string? SenderId { get; private set; }

        public SendPilotApiException? Failure { get; private set; }
        public UnknownCause? Cause { get; private set; }

        /// <summary>The send log entry that made this an <see cref="DeliveryStatus.AlreadySent"/>.</summary>
        public SendLogEntry? Previous { get; private set; }

        /// <summary>The send log entry of this delivery (null without a send log).</summary>
        public string? LogEntryId { get; private set; }

        public IReadOnlyList<SpentSender> SpentSenders { get; private set; } = new SpentSender[0];

        /// <summary>The active senders the account lists, when a sender was refused by the API.</summary>
        public IReadOnlyList<string>? AvailableSenders { get; private set; }

        /// <summary>Whether any request left for this item.</summary>
        public bool RequestMade { get; private set; }

        /// <summary>A 3xx answer: SendPilot did not act on the request, and it was not repeated.</summary>
        public bool Redirected => Failure != null && (Failure.Kind == ApiErrorKind.Redirect || (Failure.StatusCode is int s && s >= 300 && s < 400));

        internal static DeliveryOutcome Sent(DeliveryReceipt receipt, string sender, string? entry) =>
            new DeliveryOutcome(DeliveryStatus.Sent) { Receipt = receipt, SenderId = sender, LogEntryId = entry, RequestMade = true };

        internal static DeliveryOutcome AlreadySent(SendLogEntry previous) =>
            new DeliveryOutcome(DeliveryStatus.AlreadySent) { Previous = previous, SenderId = previous.SenderId, LogEntryId = previous.Id };

        internal static DeliveryOutcome Refused(SendPilotApiException failure, string sender, string? entry) =>
            new DeliveryOutcome(DeliveryStatus.Refused) { Failure = failure, SenderId = sender, LogEntryId = entry, RequestMade = true };

        internal static DeliveryOutcome Unknown(SendPilotApiException failure, UnknownCause cause, string sender, string? entry) =>
            new DeliveryOutcome(DeliveryStatus.Unknown) { Failure = failure, Cause = cause, SenderId = sender, LogEntryId = entry, RequestMade = true };

        internal static DeliveryOutcome NoSenderLeft(IReadOnlyList<SpentSender> spent, IReadOnlyList<string>? available, bool requestMade, string? lastSender) =>
            new DeliveryOutcome(DeliveryStatus.NoSenderLeft) { SpentSenders = spent, AvailableSenders = available, RequestMade = requestMade, SenderId = lastSender };
    }

    /// <summary>What a run would do with an item, for -WhatIf and confirmation prompts.</summary>
    public sealed class DeliveryPreview
    {
        internal DeliveryPreview(string? senderId, SendLogEntry? previous)
        {
            SenderId = senderId;
            Previous = previous;
        }

        /// <summary>The sender a run would use now; null when none is left.</summary>
        public string? SenderId { get; }

        /// <summary>The send log entry that a run would skip the item for, or null.</summary>
        public SendLogEntry? Previous { get; }
    }
}
