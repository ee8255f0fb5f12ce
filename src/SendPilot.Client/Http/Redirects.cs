using System;
using System.Net.Http;

namespace SendPilot.Client.Http
{
    /// <summary>
    /// Which redirects the client follows itself (automatic redirects are off on every connection): only a GET,
    /// only to the base URI's own scheme, host and port, and only a few hops. Anything else is refused, because
    /// following it would send the key to another origin or turn a write into a read.
    /// </summary>
    internal static class Redirects
    {
        public const int MaxHops = 5;

        public static bool IsRedirect(int status) => status >= 300 && status < 400;

        /// <summary>The absolute target of a redirect, or null when the answer named none.</summary>
        public static Uri? Target(Uri requestUri, Uri? location)
        {
            if (location == null) return null;
            return location.IsAbsoluteUri ? location : new Uri(requestUri, location);
        }

        /// <summary>Why this redirect is not followed, or null when it may be.</summary>
        public static string? Refusal(HttpMethod method, Uri? target, SendPilotConnection connection, int hopsSoFar)
        {
            if (target == null) return "without a Location to follow";
            string where = connection.Redact(SendPilotConnection.SafeDisplay(target));
            if (method != HttpMethod.Get) return $"to {where}; a {method.Method} is never redirected, so it was not sent again";
            if (!connection.IsApiOrigin(target))
                return $"to {where}, outside {SendPilotConnection.SafeDisplay(connection.BaseUri)}'s origin; it was not followed, so the API key stayed with the API";
            if (hopsSoFar >= MaxHops) return $"to {where} after {MaxHops} redirects already; it was not followed further";
            return null;
        }
    }
}
