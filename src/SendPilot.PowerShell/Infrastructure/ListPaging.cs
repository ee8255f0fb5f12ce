using System;
using System.Collections.Generic;
using System.Management.Automation;
using SendPilot.Client.Paging;

namespace SendPilot.PowerShell.Infrastructure
{
    /// <summary>
    /// -Skip, -First and -IncludeTotalCount (the engine's SupportsPaging parameters) over a list as it streams: items are
    /// counted as they arrive, and nothing more is read once -First is reached. They apply to each list a command reads
    /// (each campaign's leads, each conversation's messages).
    /// </summary>
    internal static class ListPaging
    {
        /// <summary>How many items the list must hand out at most: skipped plus taken; null without -First.</summary>
        public static long? Budget(PagingParameters paging) =>
            paging.First == ulong.MaxValue ? (long?)null : (long)Math.Min((double)paging.Skip + paging.First, long.MaxValue);

        /// <summary>The items inside the window; <paramref name="onStart"/> runs once the first page is in (or the list proved empty).</summary>
        public static IEnumerable<T> Window<T>(IEnumerable<T> items, PagingParameters paging, Action? onStart = null)
        {
            ulong skipped = 0, taken = 0;
            if (paging.First == 0)
            {
                onStart?.Invoke();
                yield break;
            }
            bool started = false;
            foreach (T item in items)
            {
                if (!started)
                {
                    started = true;
                    onStart?.Invoke();
                }
                if (skipped < paging.Skip)
                {
                    skipped++;
                    continue;
                }
                yield return item;
                if (++taken >= paging.First) yield break;
            }
            if (!started) onStart?.Invoke();
        }

        /// <summary>The window over a list already in memory, whose count is the -IncludeTotalCount answer.</summary>
        public static IEnumerable<T> Window<T>(IReadOnlyCollection<T> items, PagingParameters paging, Action<object> write) =>
            Window(items, paging, paging.IncludeTotalCount ? () => write(paging.NewTotalCount((ulong)items.Count, 1.0)) : (Action?)null);

        /// <summary>The -IncludeTotalCount answer: the list's total when its first page said it, else unknown.</summary>
        public static PSObject TotalCount(PagingParameters paging, ApiPage? firstPage) =>
            firstPage?.Total is long total && total >= 0
                ? paging.NewTotalCount((ulong)total, 1.0)
                : paging.NewTotalCount(0, 0.0);
    }
}
