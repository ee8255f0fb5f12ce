using System.Collections;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using SendPilot.PowerShell.Tests.Infrastructure;

namespace SendPilot.PowerShell.Tests.Webhooks;

/// <summary>Runs Receive-SpWebhookEvent in a runspace of its own on a free port, and collects what it wrote.</summary>
public sealed class WebhookReceiverHost : IDisposable
{
    private readonly PsSession _session = new();
    private readonly System.Management.Automation.PowerShell _shell;
    private readonly IAsyncResult _pending;

    /// <param name="arguments">Everything after "Receive-SpWebhookEvent -Port $port"; $secret is bound to <paramref name="secret"/>.</param>
    public WebhookReceiverHost(string arguments, object? secret = null, int? port = null)
    {
        Port = port ?? FreePort();
        _session.SetVariable("secret", secret);
        (_shell, _pending) = _session.Start($"Receive-SpWebhookEvent -Port {Port} {arguments} -Verbose");
        WaitUntilListening();
    }

    public int Port { get; }
    public Uri Uri => new($"http://127.0.0.1:{Port}/");
    public System.Management.Automation.PowerShell Shell => _shell;
    public IAsyncResult Pending => _pending;

    /// <summary>Waits for the receiver to end by itself (-Count, -TimeoutSec) and returns its output.</summary>
    public List<PSObject> Finish(int seconds = 30)
    {
        if (!_pending.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(seconds)))
            throw new Xunit.Sdk.XunitException($"The receiver did not stop within {seconds} s.");
        var output = _shell.EndInvoke(_pending).ToList();
        if (_shell.Streams.Error.Count > 0)
            throw new Xunit.Sdk.XunitException("The receiver wrote errors: " + string.Join(" | ", _shell.Streams.Error));
        return output;
    }

    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_pending.IsCompleted)
                throw new Xunit.Sdk.XunitException("The receiver ended before listening: " + string.Join(" | ", _shell.Streams.Error)
                    + (_shell.InvocationStateInfo.Reason?.Message ?? ""));
            if (_shell.Streams.Verbose.ToArray().Any(v => v.Message.StartsWith("Listening on"))) return;
            Thread.Sleep(10);
        }
        throw new Xunit.Sdk.XunitException($"Nothing listens on port {Port}.");
    }

    public void Dispose()
    {
        if (!_pending.IsCompleted) _shell.Stop();
        _shell.Dispose();
        _session.Dispose();
    }
}

/// <summary>Signs deliveries the way the API doc describes, with the framework's HMAC only (independent of the module).</summary>
public static class Deliveries
{
    public static readonly byte[] Key = Encoding.UTF8.GetBytes("an-independent-test-key-32-bytes");
    public static readonly string SvixSecret = "whsec_" + Convert.ToBase64String(Key);

    public static string Envelope(string eventId, string eventType, string data) =>
        $"{{\"eventId\":\"{eventId}\",\"eventType\":\"{eventType}\",\"timestamp\":\"{DateTime.UtcNow:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\",\"workspaceId\":\"ws_test\",\"data\":{data}}}";

    public static HttpRequestMessage Post(Uri uri, string body, bool sign = true, byte[]? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (!sign) return request;
        string id = "msg_" + Guid.NewGuid().ToString("N");
        long t = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string sig = Convert.ToBase64String(HMACSHA256.HashData(key ?? Key, Encoding.UTF8.GetBytes($"{id}.{t}.{body}")));
        request.Headers.Add("svix-id", id);
        request.Headers.Add("svix-timestamp", t.ToString());
        request.Headers.Add("svix-signature", "v1," + sig);
        return request;
    }

    public static Hashtable Vars(params (string Name, object? Value)[] pairs)
    {
        var table = new Hashtable();
        foreach (var (name, value) in pairs) table[name] = value;
        return table;
    }
}
