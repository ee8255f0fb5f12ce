using System;
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

        public static string Describe(Exception exception)
        {
            Exception innermost = exception;
            while (innermost.InnerException != null) innermost = innermost.InnerException;
            return innermost == exception ? exception.Message : $"{exception.Message} ({innermost.Message})";
        }
    }
}
