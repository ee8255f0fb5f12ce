using System.Text.Json;
using SendPilot.Client.Paging;
using Xunit;

namespace SendPilot.Client.Tests;

public class PagingTests
{
    private static ApiPage Parse(string json) => ApiPage.Parse(JsonSerializer.Deserialize<JsonElement>(json));

    [Fact]
    public void Reads_the_current_page_shape()
    {
        var page = Parse("""{"campaigns":[{"id":"a"},{"id":"b"}],"pagination":{"page":2,"limit":2,"total":5,"totalPages":3}}""");
        Assert.Equal(2, page.Items.Count);
        Assert.Equal(2, page.Page);
        Assert.Equal(3, page.TotalPages);
        Assert.Equal(5, page.Total);
    }

    [Fact]
    public void Reads_the_old_data_and_meta_shape()
    {
        var page = Parse("""{"data":[{"id":"a"}],"meta":{"total":41,"page":1,"limit":20,"totalPages":3}}""");
        Assert.Single(page.Items);
        Assert.Equal(3, page.TotalPages);
    }

    [Fact]
    public void Reads_continuation_and_offset_shapes()
    {
        var continuation = Parse("""{"conversations":[{"id":"c"}],"pagination":{"continuationToken":"t2","hasMore":true,"limit":20}}""");
        Assert.Equal("t2", continuation.ContinuationToken);
        Assert.True(continuation.HasMore);

        var offset = Parse("""{"results":[{"id":"r"}],"total":300,"limit":100,"offset":0,"has_more":true}""");
        Assert.Single(offset.Items);
        Assert.Equal(300, offset.Total);
        Assert.True(offset.HasMore);
    }

    [Fact]
    public void Errors_arrays_are_not_mistaken_for_items()
    {
        var page = Parse("""{"errors":[{"index":0}],"leads":[{"id":"l"}],"pagination":{"totalPages":1}}""");
        Assert.Equal("l", page.Items.Single().GetProperty("id").GetString());
    }

    [Theory]
    [InlineData(3, 3, 20, true)]
    [InlineData(2, 3, 20, false)]
    public void The_last_page_is_known_from_total_pages(int number, int totalPages, int limit, bool last)
    {
        var page = Parse("{\"data\":[{\"id\":\"x\"}],\"meta\":{\"totalPages\":" + totalPages + "}}");
        Assert.Equal(last, SendPilotClient.IsLastPage(page, number, limit));
    }

    [Theory]
    [InlineData(PagingStyle.Continuation, """{"items":[{"id":1}],"pagination":{"continuationToken":"t","hasMore":true}}""", false)]
    [InlineData(PagingStyle.Continuation, """{"items":[{"id":1}],"pagination":{"continuationToken":"t","hasMore":false}}""", true)]
    [InlineData(PagingStyle.Continuation, """{"items":[{"id":1}],"pagination":{"hasMore":true}}""", true)]
    [InlineData(PagingStyle.Offset, """{"results":[{"id":1},{"id":2}],"total":300,"has_more":true}""", false)]
    [InlineData(PagingStyle.Offset, """{"results":[{"id":1},{"id":2}],"total":102}""", true)]
    [InlineData(PagingStyle.Offset, """{"results":[{"id":1},{"id":2}]}""", false)]
    [InlineData(PagingStyle.PageNumber, """{"data":[{"id":1}]}""", true)]
    [InlineData(PagingStyle.PageNumber, """{"data":[]}""", true)]
    public void One_last_page_rule_serves_every_style(PagingStyle style, string json, bool last)
    {
        // A full page of two, starting at item 100 (offset style) or as page 2 (the others).
        var cursor = style == PagingStyle.Offset ? new PageCursor(2, 100, null) : PageCursor.ForPage(2, 2, "t");
        Assert.Equal(last, LastPageRule.IsLast(style, Parse(json), cursor, 2));
    }

    [Fact]
    public void The_page_count_comes_from_total_pages_or_the_total_but_never_for_continuation_lists()
    {
        Assert.Equal(3, LastPageRule.PageCount(PagingStyle.PageNumber, Parse("""{"data":[],"meta":{"totalPages":3}}"""), 20));
        Assert.Equal(3, LastPageRule.PageCount(PagingStyle.Offset, Parse("""{"results":[],"total":41}"""), 20));
        Assert.Null(LastPageRule.PageCount(PagingStyle.Continuation, Parse("""{"items":[],"pagination":{"total":41}}"""), 20));
    }
}
