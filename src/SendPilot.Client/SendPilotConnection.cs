using System;
using System.Net;
using System.Net.Http;
using SendPilot.Client.Http;

namespace SendPilot.Client
{
    /// <summary>
    /// An API key, a base URI and the one HttpClient that talks to it. The key is held here and
    /// nowhere else; it never appears in <see cref="ToString"/> or in any message the client writes.
    /// </summary>
    public sealed class SendPilotConnection : IDisposable
    {
        public const string DefaultBaseUri = "https://api.sendpilot.ai/v1";
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);
        public const long DefaultMaxResponseBytes = 64L * 1024 * 1024;

        private readonly string _apiKey;
        private readonly SecretRedactor _redactor;
        private long _maxResponseBytes = DefaultMaxResponseBytes;

        public SendPilotConnection(string apiKey, Uri? baseUri = null, TimeSpan? timeout = null,
            RetryPolicy? retry = null, string? userAgent = null, HttpMessageHandler? handler = null, ProxySettings? proxy = null)
        {
            Proxy = proxy ?? ProxySettings.Default;
            _apiKey = ValidateKey(apiKey);
            _redactor = new SecretRedactor(_apiKey);
            BaseUri = ValidateBaseUri(baseUri ?? new Uri(DefaultBaseUri));
            Timeout = timeout is { } t && t > TimeSpan.Zero ? t : DefaultTimeout;
            Retry = retry ?? new RetryPolicy();
            UserAgent = userAgent ?? $"SendPilot.PowerShell/{typeof(SendPilotConnection).Assembly.GetName().Version?.ToString(3)}";
            Http = CreateHttpClient(handler);
        }

        public Uri BaseUri { get; }
        public TimeSpan Timeout { get; }
        public RetryPolicy Retry { get; }
        public string UserAgent { get; }
        public ProxySettings Proxy { get; }

        /// <summary>An answer larger than this (after decompression) is an error; it is never read whole into memory.</summary>
        public long MaxResponseBytes
        {
            get => _maxResponseBytes;
            set => _maxResponseBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "The response size limit must be positive.");
        }

        /// <summary>The key's last four characters, enough to tell keys apart.</summary>
        public string KeyHint => "…" + (_apiKey.Length > 4 ? _apiKey.Substring(_apiKey.Length - 4) : "");

        internal string ApiKey => _apiKey;
        internal HttpClient Http { get; }

        /// <summary>
        /// Removes the key from any text, wherever and however it appears: in any case, JSON-escaped, %-encoded,
        /// or any run of 12 of its characters.
        /// </summary>
        public string Redact(string? text) => _redactor.Redact(text);

        public override string ToString() => $"SendPilot {BaseUri} (key {KeyHint})";

        public void Dispose() => Http.Dispose();

        /// <summary>
        /// HTTPS only, except on loopback where the sandbox runs; no query string, fragment or user-info, since
        /// those would carry a secret into every request line and every message that shows the base URI.
        /// </summary>
        public static Uri ValidateBaseUri(Uri uri)
        {
            if (!uri.IsAbsoluteUri)
                throw new ArgumentException($"The base URI must be absolute, like {DefaultBaseUri}.");
            string shown = SafeDisplay(uri);
            if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                string part = uri.UserInfo.Length > 0 ? "a user name or password (user@host)" : uri.Query.Length > 0 ? "a query string (?…)" : "a fragment (#…)";
                throw new ArgumentException($"The base URI {shown} must not carry {part}; give the API key as the key, and the base URI as scheme, host and path only, like {DefaultBaseUri}.");
            }
            bool https = uri.Scheme == Uri.UriSchemeHttps;
            bool http = uri.Scheme == Uri.UriSchemeHttp;
            if (!https && !(http && IsLoopback(uri)))
                throw new ArgumentException($"The base URI {shown} must use https:// (plain http:// is allowed only for loopback hosts such as 127.0.0.1 or localhost).");
            return uri;
        }

        /// <summary>Scheme, host, port and path only: what may be shown of a URI that could carry a secret.</summary>
        public static string SafeDisplay(Uri uri)
        {
            if (!uri.IsAbsoluteUri) return "(a relative URI)";
            string shown = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
            return uri.Query.Length > 0 || uri.Fragment.Length > 0 ? shown + "?…" : shown;
        }

        /// <summary>Same scheme, host and port as the base URI: the only place the key may go.</summary>
        internal bool IsApiOrigin(Uri uri) =>
            uri.IsAbsoluteUri
            && string.Equals(uri.Scheme, BaseUri.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Host, BaseUri.Host, StringComparison.OrdinalIgnoreCase)
            && uri.Port == BaseUri.Port;

        private static bool IsLoopback(Uri uri)
        {
            if (uri.IsLoopback) return true;
            return IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress? ip) && IPAddress.IsLoopback(ip);
        }

        private static string ValidateKey(string apiKey)
        {
            if (string.IsNullOrWhiteSpace(apiKey))
                throw new ArgumentException("The API key is empty.", nameof(apiKey));
            string key = apiKey.Trim();
            foreach (char c in key)
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                    throw new ArgumentException("The API key contains whitespace or control characters; copy it again from SendPilot → Integrations → API Keys.", nameof(apiKey));
            return key;
        }

        private HttpClient CreateHttpClient(HttpMessageHandler? handler)
        {
            var client = handler == null
                ? new HttpClient(ProxiedHandler())
                : new HttpClient(handler, disposeHandler: false);
            client.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // per-attempt timeouts are ours
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
            client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "application/json");
            return client;
        }

        private HttpClientHandler ProxiedHandler()
        {
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                AllowAutoRedirect = false, // the client follows same-origin GET redirects itself, so the key stays with the API
            };
            Proxy.Apply(handler);
            return handler;
        }
    }
}
