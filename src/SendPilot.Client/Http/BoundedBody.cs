using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SendPilot.Client.Http
{
    /// <summary>Reads a response body in chunks, stopping as soon as it passes the connection's size limit.</summary>
    internal static class BoundedBody
    {
        private const int ChunkBytes = 16384;

        /// <summary>The whole body, or null when it is larger than <paramref name="maxBytes"/> (what is left is not read).</summary>
        public static async Task<byte[]?> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
        {
            long? declared = content.Headers.ContentLength;
            if (declared > maxBytes) return null;
            using Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            // Most answers say how long they are: read them straight into an array of that size.
            if (declared is long length && length <= ChunkBytes) return await ReadDeclaredAsync(stream, (int)length, cancellationToken).ConfigureAwait(false);
            return await ReadChunkedAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>HttpClient ends the stream at the declared length, so the body fits the array exactly.</summary>
        private static async Task<byte[]> ReadDeclaredAsync(Stream stream, int length, CancellationToken cancellationToken)
        {
            var body = new byte[length];
            int filled = 0, read;
            while (filled < length && (read = await stream.ReadAsync(body, filled, length - filled, cancellationToken).ConfigureAwait(false)) > 0)
                filled += read;
            return filled == length ? body : body.AsSpan(0, filled).ToArray();
        }

        private static async Task<byte[]?> ReadChunkedAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
        {
            using var body = new MemoryStream();
            byte[] chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (body.Length + read > maxBytes) return null;
                    body.Write(chunk, 0, read);
                }
                return body.ToArray();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
    }
}
