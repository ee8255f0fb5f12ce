using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SendPilot.PowerShell.Tests.Workspaces;

/// <summary>
/// A forward (absolute-URI) and CONNECT proxy on a free loopback port that records every request it
/// handles. With <see cref="RequiredCredential"/> it answers 407 until the request carries those Basic credentials.
/// </summary>
public sealed class LoopbackProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public LoopbackProxy(NetworkCredential? requiredCredential = null)
    {
        RequiredCredential = requiredCredential;
        _listener.Start();
        _ = AcceptLoop();
    }

    public NetworkCredential? RequiredCredential { get; }

    public Uri Uri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>"GET http://127.0.0.1:1234/v1/me" or "CONNECT host:443", one per request the proxy passed on.</summary>
    public ConcurrentQueue<string> Passed { get; } = new();

    /// <summary>Requests refused with 407.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            NetworkStream downstream = client.GetStream();
            string? head = await ReadHead(downstream);
            if (head == null) return;
            string[] lines = head.Split("\r\n");
            string[] requestLine = lines[0].Split(' ');
            string summary = requestLine[0] + " " + requestLine[1];
            if (!Authorized(lines))
            {
                Refused.Enqueue(summary);
                await Write(downstream, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                return;
            }
            Passed.Enqueue(summary);
            if (requestLine[0] == "CONNECT") await Tunnel(downstream, requestLine[1]);
            else await Forward(downstream, new Uri(requestLine[1]), requestLine, lines);
        }
    }

    private bool Authorized(string[] lines)
    {
        if (RequiredCredential == null) return true;
        string expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(RequiredCredential.UserName + ":" + RequiredCredential.Password));
        return lines.Any(l => l.StartsWith("Proxy-Authorization:", StringComparison.OrdinalIgnoreCase) && l.Substring(20).Trim() == expected);
    }

    private static async Task Tunnel(NetworkStream downstream, string authority)
    {
        string[] parts = authority.Split(':');
        using var upstream = new TcpClient();
        try { await upstream.ConnectAsync(parts[0], int.Parse(parts[1])); }
        catch (SocketException)
        {
            await Write(downstream, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            return;
        }
        await Write(downstream, "HTTP/1.1 200 Connection Established\r\n\r\n");
        await Relay(downstream, upstream.GetStream());
    }

    /// <summary>One request per connection: the origin-form request with Connection: close, then the answer until the origin closes.</summary>
    private static async Task Forward(NetworkStream downstream, Uri target, string[] requestLine, string[] lines)
    {
        using var upstream = new TcpClient();
        await upstream.ConnectAsync(target.Host, target.Port);
        var head = new StringBuilder($"{requestLine[0]} {target.PathAndQuery} {requestLine[2]}\r\n");
        foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
            if (!line.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase) && !line.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase))
                head.Append(line).Append("\r\n");
        head.Append("Connection: close\r\n\r\n");
        await Write(upstream.GetStream(), head.ToString());
        await Relay(downstream, upstream.GetStream());
    }

    private static async Task Relay(NetworkStream downstream, NetworkStream upstream)
    {
        Task up = downstream.CopyToAsync(upstream);
        Task down = upstream.CopyToAsync(downstream);
        try { await Task.WhenAny(up, down); await down; }
        catch (Exception) { /* either side hung up */ }
    }

    private static async Task<string?> ReadHead(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1)
        {
            bytes.Add(one[0]);
            int n = bytes.Count;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n')
                return Encoding.ASCII.GetString(bytes.ToArray(), 0, n - 4);
        }
        return null;
    }

    private static Task Write(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();
}
