namespace SendPilot.Client.Outreach
{
    /// <summary>What a failed send or connect means for delivery — the one place that decides it.</summary>
    internal static class DeliveryClassifier
    {
        /// <summary>
        /// Why the item may have been delivered, or null when SendPilot certainly did not send it. A 2xx that is
        /// not a receipt may have been acted on; a 3xx was not (and is never followed for a send).
        /// </summary>
        public static UnknownCause? UnknownCauseOf(SendPilotApiException failure)
        {
            if (failure.StatusCode is int status && status >= 200 && status < 300 && failure.Kind != ApiErrorKind.InvalidRequest)
                return UnknownCause.OddAnswer;
            if (failure.Kind != ApiErrorKind.DeliveryUnknown) return null;
            switch ((failure.InnerException as SendPilotApiException)?.Kind)
            {
                case ApiErrorKind.Timeout: return UnknownCause.Timeout;
                case ApiErrorKind.Network: return UnknownCause.Network;
                default: return UnknownCause.ServerError;
            }
        }

        /// <summary>A failure of the key itself: every later item would fail the same way.</summary>
        public static bool EndsTheCommand(SendPilotApiException failure) =>
            failure.Kind == ApiErrorKind.Authentication || failure.Kind == ApiErrorKind.PermissionDenied;
    }
}
