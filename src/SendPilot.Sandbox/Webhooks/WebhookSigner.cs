using System.Security.Cryptography;
using System.Text;

namespace SendPilot.Sandbox;

/// <summary>The two signature schemes found in the wild (see API.md, "Webhooks").</summary>
public static class WebhookSigner
{
    /// <summary>Svix / Standard Webhooks: base64 HMAC-SHA256 keyed by the base64 part of "whsec_…".</summary>
    public static string SvixSignature(string secret, string id, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(mac);
    }

    /// <summary>The documented scheme: "t=&lt;unix&gt;,s=&lt;hex&gt;" keyed by the secret's UTF-8 bytes.</summary>
    public static string DocsSignature(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"t={timestamp},s={Convert.ToHexStringLower(mac)}";
    }
}
