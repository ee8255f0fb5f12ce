using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SendPilot.Client.Paging
{
    /// <summary>
    /// A page/limit list read with look-ahead: page 1 is fetched alone; once it reveals the page count,
    /// up to <c>parallel</c> later pages are in flight at a time, and pages are still handed out in order.
    /// At most <c>parallel</c> pages are held, so memory stays bounded. Without a page count it reads
    /// one page at a time until a short or empty page.
    /// </summary>
    public sealed class ConcurrentPageReader<T> : IDisposable
    {
        private readonly Func<int, CancellationToken, Task<ApiPage>> _fetch;
        private readonly Func<JsonElement, T> _map;
        private readonly int _limit;
        private readonly int _parallel;
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();
        private readonly Queue<Task<ApiPage>> _ahead = new Queue<Task<ApiPage>>();
        private int _nextToFetch = 1;
        private int _nextToRead = 1;
        private int? _lastPage;
        private bool _done;

        private readonly int? _maxPages;

        /// <summary>maxPages: pages to read at most, whatever the list holds (for a caller that wants only the first items).</summary>
        public ConcurrentPageReader(Func<int, CancellationToken, Task<ApiPage>> fetch, int limit, int parallel, Func<JsonElement, T> map,
            int? maxPages = null)
        {
            _fetch = fetch;
            _limit = limit;
            _parallel = Math.Max(1, parallel);
            _map = map;
            _maxPages = maxPages;
        }

        /// <summary>The first page, for callers that want totals.</summary>
        public ApiPage? FirstPage { get; private set; }

        /// <summary>The next page's items in order, or null when the list is exhausted.</summary>
        public async Task<IReadOnlyList<T>?> NextAsync(CancellationToken cancellationToken = default)
        {
            if (_done) return null;
            if (_ahead.Count == 0) Start(cancellationToken);
            ApiPage page = await _ahead.Dequeue().ConfigureAwait(false);
            int number = _nextToRead++;
            if (FirstPage == null)
            {
                FirstPage = page;
                _lastPage = page.TotalPages ?? (page.Total is long total ? (int)((total + _limit - 1) / _limit) : (int?)null);
                if (_maxPages is int max) _lastPage = Math.Min(_lastPage ?? max, max);
            }
            _done = page.IsLast(number, _limit, _lastPage);
            if (!_done && _lastPage != null)
                while (_ahead.Count < _parallel && _nextToFetch <= _lastPage) Start(cancellationToken);
            return page.Items.Select(_map).ToList();
        }

        private void Start(CancellationToken cancellationToken)
        {
            var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancel.Token);
            Task<ApiPage> fetch = _fetch(_nextToFetch++, linked.Token);
            fetch.ContinueWith(_ => linked.Dispose(), TaskScheduler.Default);
            _ahead.Enqueue(fetch);
        }

        /// <summary>Cancels pages still being fetched (the caller stopped reading).</summary>
        public void Dispose()
        {
            _cancel.Cancel();
            foreach (Task<ApiPage> pending in _ahead) pending.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            _cancel.Dispose();
        }
    }
}
