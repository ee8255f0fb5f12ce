using System;
using System.IO;
using System.Linq.Expressions;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SendPilot.Client;
using SendPilot.Client.Http;
using SendPilot.Client.Leads;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>
    /// One campaign check and a one-row upload through the module's own HTTP core, answered by an in-memory
    /// connection: the first real request of a cold process then finds the HTTP stack, the client and the
    /// uploader already compiled. No socket is opened and nothing leaves the process: the handler's connect step
    /// is replaced by <see cref="CannedConnection"/>, and the key is a dummy. PowerShell 7 only: it needs
    /// SocketsHttpHandler.ConnectCallback, which this netstandard2.0 assembly finds by reflection.
    /// </summary>
    internal static class HttpWarmup
    {
        private const string Campaign = "camp_warm-up";

        public static void Run()
        {
            using HttpMessageHandler? handler = InMemoryHandler();
            if (handler == null) return;
            // Port 9 (discard) as the address, should a connection ever be made the real way: it fails instead of reaching
            // something. No retries and a short timeout: should the canned exchange ever fail, the warm-up just ends.
            using var connection = new SendPilotConnection("warm-up-key", new Uri("http://127.0.0.1:9/v1"), TimeSpan.FromSeconds(5),
                new RetryPolicy { MaxRetries = 0 }, handler: handler);
            var client = new SendPilotClient(connection);
            client.CheckCampaignAsync(Campaign).GetAwaiter().GetResult();
            using LeadUploader upload = client.UploadLeads(new LeadUploadOptions(), new SilentListener());
            upload.AddAsync(Campaign, new[] { new RowField(LeadFieldNames.LinkedinUrl, "https://www.linkedin.com/in/warm-up") }, null)
                .GetAwaiter().GetResult();
            upload.CompleteAsync().GetAwaiter().GetResult();
        }

        /// <summary>A SocketsHttpHandler set up as the module's own (no redirects, gzip/deflate) whose connections are canned.</summary>
        private static HttpMessageHandler? InMemoryHandler()
        {
            Type? type = Type.GetType("System.Net.Http.SocketsHttpHandler, System.Net.Http", throwOnError: false);
            PropertyInfo? connect = type?.GetProperty("ConnectCallback");
            if (type == null || connect == null) return null;
            var handler = (HttpMessageHandler)Activator.CreateInstance(type)!;
            type.GetProperty("AllowAutoRedirect")!.SetValue(handler, false);
            type.GetProperty("UseProxy")!.SetValue(handler, false);
            type.GetProperty("AutomaticDecompression")!.SetValue(handler, DecompressionMethods.GZip | DecompressionMethods.Deflate);
            connect.SetValue(handler, CannedConnect(connect.PropertyType));
            return handler;
        }

        /// <summary>(context, token) => new ValueTask&lt;Stream&gt;(new CannedConnection()), built for the runtime's own types.</summary>
        private static Delegate CannedConnect(Type callbackType)
        {
            Type[] types = callbackType.GetGenericArguments();
            ConstructorInfo result = types[2].GetConstructor(new[] { typeof(Stream) })!;
            NewExpression body = Expression.New(result, Expression.New(typeof(CannedConnection)));
            return Expression.Lambda(callbackType, body, Expression.Parameter(types[0]), Expression.Parameter(types[1])).Compile();
        }

        private sealed class SilentListener : ILeadUploadListener
        {
            public void RowProblem(LeadRowProblem problem) { }
            public void BatchDone(LeadUploadProgress progress) { }
            public BatchDecision Decide(LeadBatchPreview batch) => BatchDecision.Send;
        }

        /// <summary>
        /// One HTTP/1.1 exchange in memory: takes the request and answers a campaign for a GET, an upload's counts
        /// for anything else, then closes (so the next request gets a fresh one).
        /// </summary>
        private sealed class CannedConnection : Stream
        {
            private readonly MemoryStream _request = new MemoryStream();
            private MemoryStream? _answer;

            public override int Read(byte[] buffer, int offset, int count) => (_answer ??= Answer()).Read(buffer, offset, count);

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                Task.FromResult(Read(buffer, offset, count));

            public override void Write(byte[] buffer, int offset, int count) => _request.Write(buffer, offset, count);

            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                Write(buffer, offset, count);
                return Task.CompletedTask;
            }

            private MemoryStream Answer()
            {
                bool get = _request.Length >= 4 && _request.GetBuffer()[0] == (byte)'G';
                string json = get
                    ? "{\"id\":\"" + Campaign + "\",\"name\":\"warm-up\",\"status\":\"ACTIVE\"}"
                    : "{\"success\":true,\"leadsAdded\":1,\"duplicatesSkipped\":0,\"invalidEntries\":0,\"errors\":[]}";
                string head = "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\nContent-Length: " + Encoding.UTF8.GetByteCount(json) + "\r\n\r\n";
                return new MemoryStream(Encoding.UTF8.GetBytes(head + json), writable: false);
            }

            public override void Flush() { }
            public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            public override bool CanRead => true;
            public override bool CanWrite => true;
            public override bool CanSeek => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
        }
    }
}
