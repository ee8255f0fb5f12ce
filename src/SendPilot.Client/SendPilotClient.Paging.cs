using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SendPilot.Client.Http;
using SendPilot.Client.Paging;

namespace SendPilot.Client
{
    public sealed partial class SendPilotClient
    {
        /// <summary>One page of a page/limit list.</summary>
        public async Task<ApiPage> GetPageAsync(string path, IEnumerable<KeyValuePair<string, string>> filters, int page, int limit,
            CancellationToken cancellationToken = default)
        {
            var request = new ApiRequest(HttpMethod.Get, path);
            request.Query.AddRange(filters);
            request.WithQuery("page", page).WithQuery("limit", limit);
            return ApiPage.Parse(await GetListJsonAsync(request, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>
        /// A page/limit list (<c>page</c>, <c>limit</c> → <c>totalPages</c>), read page by page; with <paramref name="lookAhead"/>
        /// above 1, that many pages are fetched at once once the page count is known.
        /// </summary>
        public PagedList<T> ReadPages<T>(string path, IEnumerable<KeyValuePair<string, string>> filters, int limit, Func<JsonElement, T> map,
            int lookAhead = 1)
        {
            var fixedFilters = new List<KeyValuePair<string, string>>(filters);
            return new PagedList<T>(PagingStyle.PageNumber, limit,
                (cursor, cancellationToken) => GetPageAsync(path, fixedFilters, cursor.Number, limit, cancellationToken), map, lookAhead);
        }

        /// <summary>An offset/limit list (<c>offset</c>, <c>limit</c> → <c>total</c>, <c>has_more</c>), read page by page.</summary>
        public PagedList<T> ReadOffsetPages<T>(string path, IEnumerable<KeyValuePair<string, string>> filters, int limit, Func<JsonElement, T> map,
            int lookAhead = 1)
        {
            var fixedFilters = new List<KeyValuePair<string, string>>(filters);
            return new PagedList<T>(PagingStyle.Offset, limit,
                (cursor, cancellationToken) => GetListPageAsync(path, fixedFilters, cancellationToken,
                    ("offset", cursor.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("limit", Text(limit))),
                map, lookAhead);
        }

        /// <summary>A continuation-token list (<c>limit</c>, <c>continuationToken</c> → <c>hasMore</c>), read page by page.</summary>
        public PagedList<T> ReadContinuationPages<T>(string path, IEnumerable<KeyValuePair<string, string>> filters, int limit, Func<JsonElement, T> map)
        {
            var fixedFilters = new List<KeyValuePair<string, string>>(filters);
            return new PagedList<T>(PagingStyle.Continuation, limit,
                (cursor, cancellationToken) => GetListPageAsync(path, fixedFilters, cancellationToken,
                    ("limit", Text(limit)), ("continuationToken", cursor.ContinuationToken)),
                map);
        }

        internal static bool IsLastPage(ApiPage page, int number, int limit) =>
            LastPageRule.IsLast(PagingStyle.PageNumber, page, PageCursor.ForPage(number, limit), limit);

        private async Task<ApiPage> GetListPageAsync(string path, IEnumerable<KeyValuePair<string, string>> filters,
            CancellationToken cancellationToken, params (string Name, string? Value)[] paging)
        {
            var request = new ApiRequest(HttpMethod.Get, path);
            request.Query.AddRange(filters);
            foreach (var (name, value) in paging) request.WithQuery(name, value);
            return ApiPage.Parse(await GetListJsonAsync(request, cancellationToken).ConfigureAwait(false));
        }

        private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
