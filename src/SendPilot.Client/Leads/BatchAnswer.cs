using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using SendPilot.Client.Json;

namespace SendPilot.Client.Leads
{
    /// <summary>
    /// What a 2xx answer to POST /leads says about its batch: a refusal (success: false), an answer without counts
    /// (whether anything was stored is unknown), or the counts and the rows errors[] names by index.
    /// </summary>
    internal sealed class BatchAnswer
    {
        private BatchAnswer() { }

        /// <summary>The API's reason when it said success: false; nothing was added.</summary>
        public string? Refusal { get; private set; }

        /// <summary>How the body looked when it carried no leadsAdded count ("an empty body", "{}", "null", …).</summary>
        public string? CountsMissing { get; private set; }

        public long Added { get; private set; }
        public long Duplicates { get; private set; }
        public long Invalid { get; private set; }

        /// <summary>Rows the API rejected: index in the batch → reason (first mention of an index wins).</summary>
        public IReadOnlyDictionary<int, string> Rejected { get; private set; } = new Dictionary<int, string>();

        public static BatchAnswer Read(JsonElement body, int size)
        {
            if (JsonRead.Bool(body, "success") == false)
                return new BatchAnswer { Refusal = JsonRead.String(body, "error", "message") ?? "no reason given" };
            long? added = JsonRead.Number(body, "leadsAdded", "added");
            if (added == null) return new BatchAnswer { CountsMissing = Describe(body) };
            return new BatchAnswer
            {
                Added = added.Value,
                Duplicates = JsonRead.Number(body, "duplicatesSkipped", "duplicates") ?? 0,
                Invalid = JsonRead.Number(body, "invalidEntries", "invalid") ?? 0,
                Rejected = RejectedRows(body, size),
            };
        }

        private static Dictionary<int, string> RejectedRows(JsonElement body, int size)
        {
            var rejected = new Dictionary<int, string>();
            if (!JsonRead.TryGet(body, "errors", out JsonElement errors) || errors.ValueKind != JsonValueKind.Array) return rejected;
            foreach (JsonElement error in errors.EnumerateArray())
                if (JsonRead.Number(error, "index") is long i && i >= 0 && i < size && !rejected.ContainsKey((int)i))
                    rejected[(int)i] = JsonRead.String(error, "reason", "message", "error") ?? "rejected by the API";
            return rejected;
        }

        private static string Describe(JsonElement body) => body.ValueKind switch
        {
            JsonValueKind.Undefined => "an empty body",
            JsonValueKind.Null => "null",
            JsonValueKind.Array => body.GetArrayLength() == 0 ? "[]" : "a list",
            JsonValueKind.Object => body.EnumerateObject().Any() ? "an object" : "{}",
            _ => "a bare value",
        };
    }
}
