using System.Collections.Generic;
using System.Management.Automation;

namespace SendPilot.PowerShell.Commands.Outreach
{
    /// <summary>
    /// -Skip and -First (the engine's SupportsPaging parameters) over a streamed list: items are counted
    /// as they arrive, and no page is fetched once -First is reached.
    /// </summary>
    internal static class InboxPaging
    {
        public static IEnumerable<T> Window<T>(IEnumerable<T> items, PagingParameters paging)
        {
            ulong skipped = 0, taken = 0;
            if (paging.First == 0) yield break;
            foreach (T item in items)
            {
                if (skipped < paging.Skip)
                {
                    skipped++;
                    continue;
                }
                yield return item;
                if (++taken >= paging.First) yield break;
            }
        }
    }
}
