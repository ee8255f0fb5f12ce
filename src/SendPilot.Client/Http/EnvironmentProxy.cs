using System;
using System.Linq;
using System.Net;

namespace SendPilot.Client.Http
{
    /// <summary>
    /// HTTPS_PROXY / HTTP_PROXY / ALL_PROXY and NO_PROXY as curl, git and the GitHub CLI read them,
    /// read when a connection is created (so a changed variable applies to the next connection).
    /// Windows PowerShell's .NET Framework ignores these variables; this honours them there too.
    /// </summary>
    internal sealed class EnvironmentProxy : IWebProxy
    {
        private readonly Uri? _https;
        private readonly Uri? _http;
        private readonly string[] _noProxy;

        private EnvironmentProxy(Uri? https, Uri? http, string[] noProxy)
        {
            _https = https;
            _http = http;
            _noProxy = noProxy;
        }

        public ICredentials? Credentials { get; set; }

        /// <summary>The proxy the variables name, or null when none is set.</summary>
        public static EnvironmentProxy? FromEnvironment()
        {
            Uri? all = Read("ALL_PROXY");
            Uri? https = Read("HTTPS_PROXY") ?? all;
            Uri? http = Read("HTTP_PROXY") ?? all;
            if (https == null && http == null) return null;
            string noProxy = Variable("NO_PROXY") ?? "";
            return new EnvironmentProxy(https, http, noProxy.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries));
        }

        public Uri? GetProxy(Uri destination) => IsBypassed(destination) ? destination : ProxyFor(destination);

        public bool IsBypassed(Uri host) => ProxyFor(host) == null || _noProxy.Any(entry => Matches(entry, host));

        public string Describe() =>
            string.Join(", ", new[] { _https == null ? null : "https " + _https.GetLeftPart(UriPartial.Authority), _http == null ? null : "http " + _http.GetLeftPart(UriPartial.Authority) }
                .Where(s => s != null)) + (_noProxy.Length == 0 ? "" : "; NO_PROXY " + string.Join(",", _noProxy));

        private Uri? ProxyFor(Uri destination) => destination.Scheme == Uri.UriSchemeHttps ? _https : _http;

        /// <summary>"*", a host or domain (".example.com" and "example.com" both cover sub.example.com), an IP, each optionally with ":port".</summary>
        private static bool Matches(string entry, Uri destination)
        {
            if (entry == "*") return true;
            string host = entry;
            int colon = entry.LastIndexOf(':');
            if (colon > 0 && entry.IndexOf(']') < colon && int.TryParse(entry.Substring(colon + 1), out int port))
            {
                if (port != destination.Port) return false;
                host = entry.Substring(0, colon);
            }
            host = host.Trim('[', ']').TrimStart('*').TrimStart('.').ToLowerInvariant();
            string target = destination.Host.Trim('[', ']').ToLowerInvariant();
            return host.Length > 0 && (target == host || target.EndsWith("." + host, StringComparison.Ordinal));
        }

        private static Uri? Read(string name)
        {
            string? value = Variable(name);
            if (value == null) return null;
            if (!value.Contains("://")) value = "http://" + value;
            return Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) ? uri : null;
        }

        private static string? Variable(string name)
        {
            string? value = Environment.GetEnvironmentVariable(name) ?? Environment.GetEnvironmentVariable(name.ToLowerInvariant());
            return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
        }
    }
}
