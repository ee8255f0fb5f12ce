namespace SendPilot.Client.Http
{
    /// <summary>What a retry may risk.</summary>
    public enum DeliveryMode
    {
        /// <summary>Repeating the request is harmless (reads, status updates, lead uploads that the API dedupes).</summary>
        Repeatable,

        /// <summary>
        /// A send or connect: repeat only when the request certainly never reached SendPilot
        /// (connection refused, name resolution) or was refused by an API rate limit with Retry-After.
        /// </summary>
        AtMostOnce,
    }
}
