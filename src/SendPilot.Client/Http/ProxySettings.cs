using System;
using System.Net;
using System.Net.Http;

namespace SendPilot.Client.Http
{
    /// <summary>
    /// How a connection reaches the API through a proxy. By default: $env:HTTPS_PROXY / HTTP_PROXY /
    /// ALL_PROXY with NO_PROXY when set, otherwise the system proxy. An explicit address overrides both.
    /// </summary>
    public sealed class ProxySettings
    {
        public static readonly ProxySettings Default = new ProxySettings(null, null, false);

        public ProxySettings(Uri? address, NetworkCredential? credential, bool useDefaultCredentials)
        {
            if (address != null && (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)))
                throw new ArgumentException($"The proxy address '{address}' must be an absolute http:// or https:// URI, like http://proxy.example.com:8080.", nameof(address));
            Address = address;
            Credential = credential;
            UseDefaultCredentials = useDefaultCredentials;
        }

        /// <summary>The proxy every request goes through; null means the environment's or the system's.</summary>
        public Uri? Address { get; }
        public NetworkCredential? Credential { get; }
        public bool UseDefaultCredentials { get; }

        /// <summary>For display: the explicit proxy, the environment's, or "system".</summary>
        public string Describe(Uri? baseUri = null)
        {
            if (Address != null) return Address.GetLeftPart(UriPartial.Authority);
            EnvironmentProxy? fromEnvironment = EnvironmentProxy.FromEnvironment();
            if (fromEnvironment == null) return "system";
            return baseUri != null && fromEnvironment.IsBypassed(baseUri) ? "none (NO_PROXY)" : "environment " + fromEnvironment.Describe();
        }

        /// <summary>Sets the handler's proxy; with nothing configured the handler keeps the system proxy.</summary>
        internal void Apply(HttpClientHandler handler)
        {
            ICredentials? credentials = Credential ?? (UseDefaultCredentials ? CredentialCache.DefaultCredentials : null);
            IWebProxy? proxy = Address != null ? new WebProxy(Address) { BypassProxyOnLocal = false } : EnvironmentProxy.FromEnvironment();
            if (proxy == null)
            {
                if (credentials != null) handler.DefaultProxyCredentials = credentials;
                return;
            }
            if (credentials != null) proxy.Credentials = credentials;
            handler.Proxy = proxy;
            handler.UseProxy = true;
        }
    }
}
