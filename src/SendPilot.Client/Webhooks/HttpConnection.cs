using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace SendPilot.Client.Webhooks
{
    /// <summary>The request line and headers of one HTTP/1.x request.</summary>
    internal sealed class HttpRequestHead
    {
        public string Method = "";
        public string Target = "";
        public bool Http10;
        public readonly Dictionary<string, string> Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

        public string Path
        {
            get
            {
                int query = Target.IndexOf('?');
                return query < 0 ? Target : Target.Substring(0, query);
            }
        }

        public bool Chunked => (Header("Transfer-Encoding") ?? "").IndexOf("chunked", StringComparison.OrdinalIgnoreCase) >= 0;

        public bool WantsClose =>
            Http10 ? (Header("Connection") ?? "").IndexOf("keep-alive", StringComparison.OrdinalIgnoreCase) < 0
                   : (Header("Connection") ?? "").IndexOf("close", StringComparison.OrdinalIgnoreCase) >= 0;

        public bool ExpectsContinue => (Header("Expect") ?? "").IndexOf("100-continue", StringComparison.OrdinalIgnoreCase) >= 0;

        public bool HasBody => Chunked || ContentLength > 0;

        /// <summary>-1 when absent, -2 when not a number.</summary>
        public long ContentLength
        {
            get
            {
                string? text = Header("Content-Length");
                if (text == null) return -1;
                return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long length) ? length : -2;
            }
        }
    }

    /// <summary>Thrown for requests that are not HTTP/1.x as this minimal server reads it.</summary>
    internal sealed class HttpProtocolException : Exception
    {
        public HttpProtocolException(int status, string message) : base(message) => Status = status;
        public int Status { get; }
    }

    /// <summary>
    /// A minimal HTTP/1.1 server side of one connection: buffered reads of request heads and bodies
    /// (Content-Length or chunked), small responses. Enough for webhook POSTs; nothing more.
    /// </summary>
    internal sealed class HttpConnection
    {
        private const int MaxHeadBytes = 32 * 1024;
        private const int MaxHeaders = 100;
        private readonly Stream _stream;
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _start, _end;

        public HttpConnection(Stream stream) => _stream = stream;

        /// <summary>The next request head, or null when the peer closed the connection between requests.</summary>
        /// <param name="started">Called once the first byte of a request has arrived.</param>
        public async Task<HttpRequestHead?> ReadHeadAsync(Action? started = null)
        {
            if (_start == _end && !await FillAsync().ConfigureAwait(false)) return null;
            started?.Invoke();
            int budget = MaxHeadBytes;
            string? requestLine;
            do
            {
                requestLine = await ReadLineAsync(budget, allowEof: true).ConfigureAwait(false);
                if (requestLine == null) return null;
                budget -= requestLine.Length + 2;
            }
            while (requestLine.Length == 0); // tolerate stray CRLFs between requests

            string[] parts = requestLine.Split(' ');
            if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal) || parts[0].Length == 0)
                throw new HttpProtocolException(400, "Not an HTTP/1.x request line.");
            var head = new HttpRequestHead { Method = parts[0], Target = parts[1], Http10 = parts[2] == "HTTP/1.0" };

            while (true)
            {
                string line = await ReadLineAsync(budget, allowEof: false).ConfigureAwait(false) ?? "";
                budget -= line.Length + 2;
                if (line.Length == 0) break;
                int colon = line.IndexOf(':');
                if (colon <= 0) throw new HttpProtocolException(400, "Malformed header line.");
                if (head.Headers.Count >= MaxHeaders) throw new HttpProtocolException(431, "Too many headers.");
                string name = line.Substring(0, colon).Trim();
                string value = line.Substring(colon + 1).Trim();
                head.Headers[name] = head.Headers.TryGetValue(name, out string? earlier) ? earlier + ", " + value : value;
            }
            return head;
        }

        /// <summary>Reads the body; null when it is larger than <paramref name="maxBytes"/> (the rest is left unread).</summary>
        public async Task<byte[]?> ReadBodyAsync(HttpRequestHead head, long maxBytes)
        {
            if (head.Chunked) return await ReadChunkedAsync(maxBytes).ConfigureAwait(false);
            long length = head.ContentLength;
            if (length == -2) throw new HttpProtocolException(400, "Content-Length is not a number.");
            if (length <= 0) return Array.Empty<byte>();
            if (length > maxBytes) return null;
            var body = new byte[length];
            await ReadExactAsync(body, 0, body.Length).ConfigureAwait(false);
            return body;
        }

        public Task WriteResponseAsync(int status, string reason, string json, bool close, string? extraHeaders = null)
        {
            byte[] content = Encoding.UTF8.GetBytes(json);
            string head = $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {content.Length}\r\n" +
                          (close ? "Connection: close\r\n" : "") + (extraHeaders ?? "") + "\r\n";
            byte[] headBytes = Encoding.ASCII.GetBytes(head);
            var all = new byte[headBytes.Length + content.Length];
            Buffer.BlockCopy(headBytes, 0, all, 0, headBytes.Length);
            Buffer.BlockCopy(content, 0, all, headBytes.Length, content.Length);
            return WriteAndFlushAsync(all);
        }

        public Task WriteContinueAsync() => WriteAndFlushAsync(Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n"));

        private async Task WriteAndFlushAsync(byte[] bytes)
        {
            await _stream.WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
            await _stream.FlushAsync().ConfigureAwait(false);
        }

        /// <summary>
        /// Reads and drops what the peer still sends (up to a limit and a time), so that closing after an
        /// early answer (413) does not reset the connection before the peer has read that answer.
        /// </summary>
        public async Task DiscardAsync(long maxBytes, TimeSpan time)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            long left = maxBytes - (_end - _start);
            _start = _end = 0;
            while (left > 0 && clock.Elapsed < time)
            {
                Task<int> read = _stream.ReadAsync(_buffer, 0, _buffer.Length);
                if (await Task.WhenAny(read, Task.Delay(time - clock.Elapsed)).ConfigureAwait(false) != read) return;
                int n = await read.ConfigureAwait(false);
                if (n <= 0) return;
                left -= n;
            }
        }

        private async Task<byte[]?> ReadChunkedAsync(long maxBytes)
        {
            var body = new MemoryStream();
            while (true)
            {
                string sizeLine = await ReadLineAsync(1024, allowEof: false, inChunk: true).ConfigureAwait(false) ?? "";
                int semicolon = sizeLine.IndexOf(';');
                string hex = (semicolon < 0 ? sizeLine : sizeLine.Substring(0, semicolon)).Trim();
                if (!long.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long size) || size < 0)
                    throw new HttpProtocolException(400, "Malformed chunk size.");
                if (size == 0) break;
                if (body.Length + size > maxBytes) return null;
                var chunk = new byte[size];
                await ReadExactAsync(chunk, 0, chunk.Length).ConfigureAwait(false);
                body.Write(chunk, 0, chunk.Length);
                if ((await ReadLineAsync(2, allowEof: false, inChunk: true).ConfigureAwait(false) ?? "x").Length != 0)
                    throw new HttpProtocolException(400, "Malformed chunk.");
            }
            int budget = MaxHeadBytes;
            string? trailer;
            while ((trailer = await ReadLineAsync(budget, allowEof: false).ConfigureAwait(false)) is { Length: > 0 })
                budget -= trailer.Length + 2;
            return body.ToArray();
        }

        private async Task ReadExactAsync(byte[] target, int offset, int count)
        {
            while (count > 0)
            {
                if (_start == _end && !await FillAsync().ConfigureAwait(false))
                    throw new HttpProtocolException(400, "The connection closed inside the body.");
                int n = Math.Min(count, _end - _start);
                Buffer.BlockCopy(_buffer, _start, target, offset, n);
                _start += n;
                offset += n;
                count -= n;
            }
        }

        /// <summary>A line without its CRLF (a bare LF also ends it); null at a clean end of stream when allowed.</summary>
        private async Task<string?> ReadLineAsync(int maxLength, bool allowEof, bool inChunk = false)
        {
            var line = new StringBuilder();
            while (true)
            {
                if (_start == _end && !await FillAsync().ConfigureAwait(false))
                {
                    if (allowEof && line.Length == 0) return null;
                    throw new HttpProtocolException(400, "The connection closed inside the request head.");
                }
                while (_start < _end)
                {
                    byte b = _buffer[_start++];
                    if (b == (byte)'\n')
                    {
                        if (line.Length > 0 && line[line.Length - 1] == '\r') line.Length--;
                        return line.ToString();
                    }
                    if (line.Length >= maxLength) throw inChunk // a chunk line that runs on is a malformed body, not an oversized head
                        ? new HttpProtocolException(400, "Malformed chunk: its size line or its end runs on.")
                        : new HttpProtocolException(431, "The request head is too large.");
                    line.Append((char)b);
                }
            }
        }

        private async Task<bool> FillAsync()
        {
            _start = 0;
            _end = await _stream.ReadAsync(_buffer, 0, _buffer.Length).ConfigureAwait(false);
            return _end > 0;
        }
    }
}
