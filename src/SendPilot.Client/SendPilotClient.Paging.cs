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

        /// <summary>A page/limit list (<c>page</c>, <c>limit</c> → <c>totalPages</c>), read page by page.</summary>
        public PagedList<T> ReadPages<T>(string path, IEnumerable<KeyValuePair<string, string>> filters, int limit, Func<JsonElement, T> map)
        {
            var fixedFilters = new List<KeyValuePair<string, string>>(filters);
            return new PagedList<T>(
                (number, _, cancellationToken) => GetPageAsync(path, fixedFilters, number, limit, cancellationToken),
                (page, number) => IsLastPage(page, number, limit),
                map);
        }

        /// <summary>A continuation-token list (<c>limit</c>, <c>continuationToken</c> → <c>hasMore</c>), read page by page.</summary>
        public PagedList<T> ReadContinuationPages<T>(string path, IEnumerable<KeyValuePair<string, string>> filters, int limit, Func<JsonElement, T> map)
        {
            var fixedFilters = new List<KeyValuePair<string, string>>(filters);
            return new PagedList<T>(
                async (_, token, cancellationToken) =>
                {
                    var request = new ApiRequest(HttpMethod.Get, path);
                    request.Query.AddRange(fixedFilters);
                    request.WithQuery("limit", limit).WithQuery("continuationToken", token);
                    return ApiPage.Parse(await GetListJsonAsync(request, cancellationToken).ConfigureAwait(false));
                },
                (page, _) => page.HasMore == false || string.IsNullOrEmpty(page.ContinuationToken) || page.Items.Count == 0,
                map);
        }

        internal static bool IsLastPage(ApiPage page, int number, int limit) => page.IsLast(number, limit);
    }
}
