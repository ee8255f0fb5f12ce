using System.Threading;
using System.Threading.Tasks;

namespace SendPilot.Client.Webhooks
{
    /// <summary>How the connection that brought an event answers it.</summary>
    internal enum HandOffAnswer
    {
        /// <summary>200: the pipeline has the event.</summary>
        Accepted,

        /// <summary>200: the pipeline already had an event with this id.</summary>
        Duplicate,

        /// <summary>503 with Retry-After: the pipeline did not take it (stopping, -Count reached, stalled); SendPilot redelivers.</summary>
        Refused,
    }

    /// <summary>
    /// One verified event on its way from the connection that brought it to the pipeline. The connection waits and
    /// answers 200 only once the pipeline has taken the event and written it (<see cref="Acknowledge"/>); an event
    /// that was withdrawn before it was taken, or refused after, is answered 503 and never emitted. Each step is one
    /// atomic state change, so an event is either acknowledged and emitted or refused and not emitted — never both.
    /// </summary>
    public sealed class WebhookDelivery
    {
        private const int Waiting = 0, Claimed = 1, Answered = 2;
        private readonly TaskCompletionSource<HandOffAnswer> _answer =
            new TaskCompletionSource<HandOffAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _state;

        internal WebhookDelivery(WebhookEvent item) => Event = item;

        public WebhookEvent Event { get; }

        internal Task<HandOffAnswer> Answer => _answer.Task;

        /// <summary>The pipeline wrote the event: its sender gets 200.</summary>
        public void Acknowledge() => Finish(Claimed, HandOffAnswer.Accepted);

        /// <summary>The pipeline could not write the event (it is stopping): its sender gets 503 and redelivers.</summary>
        public void Refuse() => Finish(Claimed, HandOffAnswer.Refused);

        /// <summary>The reader took it (it may still have been refused after).</summary>
        internal bool WasTaken { get; private set; }

        internal bool TryClaim()
        {
            if (Interlocked.CompareExchange(ref _state, Claimed, Waiting) != Waiting) return false;
            WasTaken = true;
            return true;
        }

        /// <summary>Before the pipeline took it: answered 503. False when the pipeline has it already.</summary>
        internal bool TryWithdraw() => Finish(Waiting, HandOffAnswer.Refused);

        internal void AnswerDuplicate() => Finish(Claimed, HandOffAnswer.Duplicate);

        /// <summary>Whatever state it is in, unless already answered: 503.</summary>
        internal void RefuseUnanswered()
        {
            if (!TryWithdraw()) Refuse();
        }

        private bool Finish(int from, HandOffAnswer answer)
        {
            if (Interlocked.CompareExchange(ref _state, Answered, from) != from) return false;
            _answer.TrySetResult(answer);
            return true;
        }
    }
}
