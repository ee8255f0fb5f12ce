using System;
using System.Collections.Generic;
using System.Text.Json;
using SendPilot.Client.Json;

namespace SendPilot.Client.Paging
{
    /// <summary>
    /// One page of a list, whichever paging style and doc generation the answer used:
    /// <c>{items…, pagination{page,limit,total,totalPages}}</c>, the old <c>{data[], meta{…}}</c>,
    /// continuation <c>pagination{continuationToken,hasMore}</c>, or snake_case offset paging.
    /// </summary>
    public sealed class ApiPage
    {
        private static readonly string[] NotItemArrays = { "errors", "missingScopes", "scopes", "warnings" };

        public IReadOnlyList<JsonElement> Items { get; private set; } = Array.Empty<JsonElement>();
        public int? Page { get; private set; }
        public int? Limit { get; private set; }
        public long? Total { get; private set; }
        public int? TotalPages { get; private set; }
        public string? ContinuationToken { get; private set; }
        public bool? HasMore { get; private set; }

        /// <summary>Reads a page; itemsName names the array that holds the items when the answer has several (offset-style answers do).</summary>
        public static ApiPage Parse(JsonElement body, string? itemsName = null)
        {
            var page = new ApiPage { Items = itemsName != null && JsonRead.TryGet(body, itemsName, out JsonElement named) && named.ValueKind == JsonValueKind.Array
                ? ToList(named) : FindItems(body) };
            JsonElement paging = FindPaging(body);
            page.Page = (int?)JsonRead.Number(paging, "page", "currentPage");
            page.Limit = (int?)JsonRead.Number(paging, "limit", "pageSize", "perPage");
            page.Total = JsonRead.Number(paging, "total", "totalCount", "count");
            page.TotalPages = (int?)JsonRead.Number(paging, "totalPages", "total_pages", "pageCount");
            page.ContinuationToken = JsonRead.String(paging, "continuationToken", "nextToken", "continuation_token");
            page.HasMore = JsonRead.Bool(paging, "hasMore", "has_more");
            return page;
        }

        private static IReadOnlyList<JsonElement> FindItems(JsonElement body)
        {
            if (body.ValueKind == JsonValueKind.Array) return ToList(body);
            if (body.ValueKind != JsonValueKind.Object) return Array.Empty<JsonElement>();
            if (JsonRead.TryGet(body, "data", out JsonElement data) && data.ValueKind == JsonValueKind.Array) return ToList(data);
            foreach (JsonProperty property in body.EnumerateObject())
                if (property.Value.ValueKind == JsonValueKind.Array && Array.IndexOf(NotItemArrays, property.Name) < 0)
                    return ToList(property.Value);
            return Array.Empty<JsonElement>();
        }

        private static JsonElement FindPaging(JsonElement body)
        {
            if (JsonRead.TryGetAny(body, out JsonElement paging, "pagination", "meta") && paging.ValueKind == JsonValueKind.Object)
                return paging;
            return body; // offset style keeps total/limit/offset/has_more at the top level
        }

        private static IReadOnlyList<JsonElement> ToList(JsonElement array)
        {
            var items = new List<JsonElement>(array.GetArrayLength());
            foreach (JsonElement item in array.EnumerateArray()) items.Add(item);
            return items;
        }
    }
}
