using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SendPilot.Client.Paging
{
    /// <summary>
    /// A list read one page at a time, whatever its <see cref="PagingStyle"/>: each call hands out the next page, so callers
    /// emit items as they arrive and never hold the whole list. With a look-ahead above 1, once the first page reveals the
    /// page count, up to that many later pages are in flight at once and still handed out in order (memory stays bounded).
    /// <see cref="MaxItems"/> stops the reading — and any look-ahead — once enough items were handed out.
    /// (A plain pull API rather than IAsyncEnumerable, which would tie PowerShell 7 to Microsoft.Bcl.AsyncInterfaces.)
    /// </summary>
    public sealed class PagedList<T> : IDisposable
    {
        public delegate Task<ApiPage> PageFetcher(PageCursor cursor, CancellationToken cancellationToken);

        private readonly PagingStyle _style;
        private readonly int _limit;
        private readonly PageFetcher _fetch;
        private readonly Func<JsonElement, T> _map;
        private readonly int _lookAhead;
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();
        private readonly Queue<(PageCursor Cursor, Task<ApiPage> Page)> _ahead = new Queue<(PageCursor, Task<ApiPage>)>();
        private int _nextNumber = 1;
        private string? _continuationToken;
        private int? _pageCount;
        private bool _done;

        public PagedList(PagingStyle style, int limit, PageFetcher fetch, Func<JsonElement, T> map, int lookAhead = 1)
        {
            _style = style;
            _limit = Math.Max(1, limit);
            _fetch = fetch;
            _map = map;
            _lookAhead = style == PagingStyle.Continuation ? 1 : Math.Max(1, lookAhead);
        }

        /// <summary>The first page seen, for callers that want totals.</summary>
        public ApiPage? FirstPage { get; private set; }

        /// <summary>Items the caller wants at most (e.g. skipped plus taken); no page starting beyond them is fetched. Null: all.</summary>
        public long? MaxItems { get; set; }

        /// <summary>The next page's items in order, or null when the list is exhausted.</summary>
        public async Task<IReadOnlyList<T>?> NextAsync(CancellationToken cancellationToken = default)
        {
            if (_done || MaxItems <= 0) return null;
            if (_ahead.Count == 0) Start(cancellationToken);
            var (cursor, fetch) = _ahead.Dequeue();
            ApiPage page = await fetch.ConfigureAwait(false);
            if (FirstPage == null)
            {
                FirstPage = page;
                _pageCount = LastPageRule.PageCount(_style, page, _limit);
            }
            _continuationToken = page.ContinuationToken;
            _done = LastPageRule.IsLast(_style, page, cursor, _limit) || cursor.Offset + page.Items.Count >= MaxItems;
            if (!_done && _lookAhead > 1 && _pageCount != null)
                while (_ahead.Count < _lookAhead && WorthFetching(_nextNumber)) Start(cancellationToken);
            return page.Items.Select(_map).ToList();
        }

        private bool WorthFetching(int number) =>
            number <= _pageCount && !((long)(number - 1) * _limit >= MaxItems);

        private void Start(CancellationToken cancellationToken)
        {
            var cursor = PageCursor.ForPage(_nextNumber++, _limit, _continuationToken);
            var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancel.Token);
            Task<ApiPage> fetch = _fetch(cursor, linked.Token);
            fetch.ContinueWith(_ => linked.Dispose(), TaskScheduler.Default);
            _ahead.Enqueue((cursor, fetch));
        }

        /// <summary>Cancels pages still being fetched (the caller stopped reading).</summary>
        public void Dispose()
        {
            _done = true;
            _cancel.Cancel();
            foreach (var pending in _ahead) pending.Page.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            _ahead.Clear();
        }
    }
}
