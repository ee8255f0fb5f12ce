using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
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
            return ApiPage.Parse(await GetJsonAsync(request, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>Every page of a page/limit list, each yielded as it arrives.</summary>
        public async IAsyncEnumerable<ApiPage> ReadPagesAsync(string path, IEnumerable<KeyValuePair<string, string>> filters, int limit,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var fixedFilters = new List<KeyValuePair<string, string>>(filters);
            for (int number = 1; ; number++)
            {
                ApiPage page = await GetPageAsync(path, fixedFilters, number, limit, cancellationToken).ConfigureAwait(false);
                yield return page;
                if (IsLastPage(page, number, limit)) yield break;
            }
        }

        /// <summary>Every page of a continuation-token list, each yielded as it arrives.</summary>
        public async IAsyncEnumerable<ApiPage> ReadContinuationPagesAsync(string path, IEnumerable<KeyValuePair<string, string>> filters, int limit,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var fixedFilters = new List<KeyValuePair<string, string>>(filters);
            string? token = null;
            while (true)
            {
                var request = new ApiRequest(HttpMethod.Get, path);
                request.Query.AddRange(fixedFilters);
                request.WithQuery("limit", limit).WithQuery("continuationToken", token);
                ApiPage page = ApiPage.Parse(await GetJsonAsync(request, cancellationToken).ConfigureAwait(false));
                yield return page;
                if (page.HasMore == false || string.IsNullOrEmpty(page.ContinuationToken) || page.Items.Count == 0) yield break;
                token = page.ContinuationToken;
            }
        }

        internal static bool IsLastPage(ApiPage page, int number, int limit)
        {
            if (page.Items.Count == 0) return true;
            if (page.TotalPages is int totalPages) return number >= totalPages;
            if (page.Total is long total) return (long)number * limit >= total;
            return page.Items.Count < limit;
        }
    }
}
