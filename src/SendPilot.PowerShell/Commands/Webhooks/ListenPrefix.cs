using System;
using System.Net;
using System.Text.RegularExpressions;

namespace SendPilot.PowerShell.Commands.Webhooks
{
    /// <summary>Reads an HttpListener-style prefix (http://host:port/path/) into what a TcpListener binds.</summary>
    internal static class ListenPrefix
    {
        private static readonly Regex Shape = new Regex(@"^(?<scheme>[a-z]+)://(?<host>\[[^\]]+\]|[^/:]+)(:(?<port>\d{1,5}))?(?<path>/.*)?$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static (IPAddress Address, int Port, string Path) Parse(string prefix)
        {
            Match match = Shape.Match(prefix.Trim());
            if (!match.Success) throw new ArgumentException($"'{prefix}' is not a prefix like http://127.0.0.1:8080/hooks/.");
            if (!match.Groups["scheme"].Value.Equals("http", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException("Only http:// prefixes can be served; put a TLS-terminating proxy or tunnel in front for HTTPS.");

            string host = match.Groups["host"].Value;
            IPAddress address;
            if (host == "+" || host == "*") address = IPAddress.Any;
            else if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) address = IPAddress.Loopback;
            else if (!IPAddress.TryParse(host.Trim('[', ']'), out address!))
                throw new ArgumentException($"The host '{host}' must be an IP address, localhost, + or *.");

            int port = match.Groups["port"].Success ? int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture) : 80;
            if (port > 65535) throw new ArgumentException($"The port {port} is out of range.");
            string path = match.Groups["path"].Success ? match.Groups["path"].Value : "/";
            return (address, port, path);
        }
    }
}
