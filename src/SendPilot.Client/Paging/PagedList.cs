using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SendPilot.Client.Paging
{
    /// <summary>
    /// A list read one page at a time: each call fetches the next page, so callers emit items as
    /// they arrive and never hold the whole list. (A plain pull API rather than IAsyncEnumerable,
    /// which would tie PowerShell 7 to Microsoft.Bcl.AsyncInterfaces.)
    /// </summary>
    public sealed class PagedList<T>
    {
        public delegate Task<ApiPage> PageFetcher(int pageNumber, string? continuationToken, CancellationToken cancellationToken);

        private readonly PageFetcher _fetch;
        private readonly Func<ApiPage, int, bool> _isLast;
        private readonly Func<JsonElement, T> _map;
        private int _pageNumber;
        private string? _continuationToken;
        private bool _done;

        public PagedList(PageFetcher fetch, Func<ApiPage, int, bool> isLast, Func<JsonElement, T> map)
        {
            _fetch = fetch;
            _isLast = isLast;
            _map = map;
        }

        /// <summary>The first page seen, for callers that want totals.</summary>
        public ApiPage? FirstPage { get; private set; }

        /// <summary>The next page's items, or null when the list is exhausted.</summary>
        public async Task<IReadOnlyList<T>?> NextAsync(CancellationToken cancellationToken = default)
        {
            if (_done) return null;
            _pageNumber++;
            ApiPage page = await _fetch(_pageNumber, _continuationToken, cancellationToken).ConfigureAwait(false);
            FirstPage ??= page;
            _continuationToken = page.ContinuationToken;
            _done = _isLast(page, _pageNumber);
            return page.Items.Select(_map).ToList();
        }
    }
}
