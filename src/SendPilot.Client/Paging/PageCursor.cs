namespace SendPilot.Client.Paging
{
    /// <summary>How a list endpoint pages.</summary>
    public enum PagingStyle
    {
        /// <summary><c>page</c> and <c>limit</c>; the answer may say <c>totalPages</c> or <c>total</c>.</summary>
        PageNumber,

        /// <summary><c>offset</c> and <c>limit</c>; the answer may say <c>total</c> and <c>has_more</c> (lead-database style).</summary>
        Offset,

        /// <summary><c>limit</c> and <c>continuationToken</c>; the answer says <c>hasMore</c> and the next token.</summary>
        Continuation,
    }

    /// <summary>Where one page starts: its number (from 1), the index of its first item, and the token that asks for it.</summary>
    public sealed class PageCursor
    {
        public PageCursor(int number, long offset, string? continuationToken)
        {
            Number = number;
            Offset = offset;
            ContinuationToken = continuationToken;
        }

        public int Number { get; }
        public long Offset { get; }
        public string? ContinuationToken { get; }

        public static PageCursor ForPage(int number, int limit, string? continuationToken = null) =>
            new PageCursor(number, (long)(number - 1) * limit, continuationToken);
    }

    /// <summary>The one rule every list follows to know that a page was its last.</summary>
    public static class LastPageRule
    {
        /// <summary>
        /// Last when the page is empty, says there is no more, gives no token to continue with (continuation style), reaches
        /// the page count or item total the answer gave, or — when the answer says nothing — is shorter than asked for.
        /// </summary>
        public static bool IsLast(PagingStyle style, ApiPage page, PageCursor cursor, int limit)
        {
            if (page.Items.Count == 0) return true;
            if (page.HasMore == false) return true;
            if (style == PagingStyle.Continuation) return string.IsNullOrEmpty(page.ContinuationToken);
            if (page.TotalPages is int totalPages) return cursor.Number >= totalPages;
            if (page.Total is long total) return cursor.Offset + page.Items.Count >= total;
            if (page.HasMore == true) return false;
            return page.Items.Count < limit;
        }

        /// <summary>How many pages the list has, when its first page says (never for continuation lists).</summary>
        public static int? PageCount(PagingStyle style, ApiPage first, int limit)
        {
            if (style == PagingStyle.Continuation) return null;
            if (first.TotalPages is int totalPages) return totalPages;
            if (first.Total is long total) return (int)((total + limit - 1) / limit);
            return null;
        }
    }
}
