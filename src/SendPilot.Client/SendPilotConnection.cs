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

        private readonly string _apiKey;

        public SendPilotConnection(string apiKey, Uri? baseUri = null, TimeSpan? timeout = null,
            RetryPolicy? retry = null, string? userAgent = null, HttpMessageHandler? handler = null, ProxySettings? proxy = null)
        {
            Proxy = proxy ?? ProxySettings.Default;
            _apiKey = ValidateKey(apiKey);
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

        /// <summary>The key's last four characters, enough to tell keys apart.</summary>
        public string KeyHint => "…" + (_apiKey.Length > 4 ? _apiKey.Substring(_apiKey.Length - 4) : "");

        internal string ApiKey => _apiKey;
        internal HttpClient Http { get; }

        /// <summary>Removes the key from any text, wherever it appears.</summary>
        public string Redact(string? text) =>
            string.IsNullOrEmpty(text) ? text ?? "" : text!.Replace(_apiKey, "***");

        public override string ToString() => $"SendPilot {BaseUri} (key {KeyHint})";

        public void Dispose() => Http.Dispose();

        /// <summary>HTTPS only, except on loopback where the sandbox runs.</summary>
        public static Uri ValidateBaseUri(Uri uri)
        {
            if (!uri.IsAbsoluteUri)
                throw new ArgumentException($"The base URI '{uri}' must be absolute, like {DefaultBaseUri}.", nameof(uri));
            bool https = uri.Scheme == Uri.UriSchemeHttps;
            bool http = uri.Scheme == Uri.UriSchemeHttp;
            if (!https && !(http && IsLoopback(uri)))
                throw new ArgumentException($"The base URI '{uri}' must use https:// (plain http:// is allowed only for loopback hosts such as 127.0.0.1 or localhost).", nameof(uri));
            return uri;
        }

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
            var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate };
            Proxy.Apply(handler);
            return handler;
        }
    }
}
