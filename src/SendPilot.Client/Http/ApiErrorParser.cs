using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Text.Json;

namespace SendPilot.Client.Http
{
    /// <summary>Turns a non-success answer into a <see cref="SendPilotApiException"/>.</summary>
    internal static class ApiErrorParser
    {
        public static SendPilotApiException FromResponse(int status, string? reasonPhrase, byte[] body, TimeSpan? retryAfter,
            string method, string path, int attempts, Func<string, string> redact)
        {
            string text = redact(Encoding.UTF8.GetString(body));
            var messages = new List<string>();
            string? error = null, code = null;
            if (TryParseObject(text, out JsonElement root))
            {
                ReadMessages(root, messages);
                error = ReadString(root, "error");
                code = ReadString(root, "code");
            }
            if (messages.Count == 0 && text.Trim().Length > 0 && text.Length < 500 && !text.TrimStart().StartsWith("<", StringComparison.Ordinal))
                messages.Add(text.Trim());
            if (messages.Count == 0) messages.Add(reasonPhrase ?? ((HttpStatusCode)status).ToString());
            for (int i = 0; i < messages.Count; i++) messages[i] = redact(messages[i]);
            error = error == null ? null : redact(error);

            ApiErrorKind kind = KindOf(status, messages);
            string summary = status == 407
                ? $"{method} {path} was stopped by the proxy with 407 Proxy Authentication Required: the proxy between this computer and SendPilot wants credentials, or refused the ones given."
                : $"{method} {path} failed with {status} {error ?? reasonPhrase}: {string.Join("; ", messages)}";
            return new SendPilotApiException(kind, summary, method, path, status, messages, error, code, retryAfter,
                text.Length == 0 ? null : text, attempts);
        }

        public static ApiErrorKind KindOf(int status, IEnumerable<string> messages)
        {
            switch (status)
            {
                case 400: case 409: case 422: return ApiErrorKind.InvalidRequest;
                case 401: return ApiErrorKind.Authentication;
                case 403: return ApiErrorKind.PermissionDenied;
                case 404: return ApiErrorKind.NotFound;
                case 407: return ApiErrorKind.ProxyAuthenticationRequired;
                case 408: return ApiErrorKind.Timeout;
                case 429: return SendPilotApiException.LooksLikeDailyLimit(messages) ? ApiErrorKind.DailyLimitReached : ApiErrorKind.RateLimited;
                default: return ApiErrorKind.ServerError;
            }
        }

        private static void ReadMessages(JsonElement root, List<string> messages)
        {
            if (!root.TryGetProperty("message", out JsonElement message)) return;
            if (message.ValueKind == JsonValueKind.String) messages.Add(message.GetString()!);
            else if (message.ValueKind == JsonValueKind.Array)
                foreach (JsonElement item in message.EnumerateArray())
                    messages.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText());
        }

        private static string? ReadString(JsonElement root, string name) =>
            root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static bool TryParseObject(string text, out JsonElement root)
        {
            root = default;
            try
            {
                root = JsonSerializer.Deserialize<JsonElement>(text);
                return root.ValueKind == JsonValueKind.Object;
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }
}
