using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SendPilot.Client.Http
{
    /// <summary>Reads a response body in chunks, stopping as soon as it passes the connection's size limit.</summary>
    internal static class BoundedBody
    {
        private const int ChunkBytes = 81920;

        /// <summary>The whole body, or null when it is larger than <paramref name="maxBytes"/> (what is left is not read).</summary>
        public static async Task<byte[]?> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
        {
            if (content.Headers.ContentLength is long declared && declared > maxBytes) return null;
            using Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            using var body = new MemoryStream();
            var chunk = new byte[ChunkBytes];
            int read;
            while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > maxBytes) return null;
                body.Write(chunk, 0, read);
            }
            return body.ToArray();
        }
    }
}
