using System;
using System.Net.Http;
using System.Net.Sockets;

namespace SendPilot.Client.Http
{
    internal static class NetworkFailure
    {
        /// <summary>
        /// True when the request certainly never left this machine: the connection was refused or the
        /// name did not resolve. Anything else (reset, dropped mid-response) may have reached the server.
        /// </summary>
        public static bool CertainlyNotSent(Exception exception)
        {
            for (Exception? e = exception; e != null; e = e.InnerException)
            {
                if (e is SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case SocketError.ConnectionRefused:
                        case SocketError.HostNotFound:
                        case SocketError.NoData:
                        case SocketError.TryAgain:
                        case SocketError.HostUnreachable:
                        case SocketError.NetworkUnreachable:
                        case SocketError.AddressNotAvailable:
                            return true;
                    }
                }
            }
            return false;
        }

        /// <summary>A proxy refused to open the tunnel (CONNECT) with 407: the request never reached SendPilot.</summary>
        public static bool IsProxyAuthentication(HttpRequestException exception) =>
            exception.Message.IndexOf("407", StringComparison.Ordinal) >= 0 && exception.Message.IndexOf("proxy", StringComparison.OrdinalIgnoreCase) >= 0;

        public static SendPilotApiException ProxyAuthentication(string method, string path, int attempt, Exception inner) =>
            new SendPilotApiException(ApiErrorKind.ProxyAuthenticationRequired,
                $"{method} {path} was stopped by the proxy with 407 Proxy Authentication Required: the proxy between this computer and SendPilot wants credentials, or refused the ones given.",
                method, path, 407, attempts: attempt, inner: inner);

        public static string Describe(Exception exception)
        {
            Exception innermost = exception;
            while (innermost.InnerException != null) innermost = innermost.InnerException;
            return innermost == exception ? exception.Message : $"{exception.Message} ({innermost.Message})";
        }
    }
}
