using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.Store.Neo4j.Tests.Contract;
using Xunit;

namespace KnowledgeGraph.Store.Neo4j.Tests.Store;

/// <summary>The change feed reads the head, then the changes up to it, and says where the next page starts.</summary>
public sealed class ChangeFeedTests
{
    private static readonly string[] Columns = ["position", "name", "resource", "blob", "etag", "create_time", "update_time"];

    [Fact]
    public async Task A_full_page_ends_at_its_last_change_and_says_there_is_more()
    {
        var fixture = new Fixture();
        var japan = Stored.Country("japan");
        var supplies = Stored.Supplies("r1", "china", "japan");
        fixture.Api
            .Accept(FakeQueryApi.Rows(["head", "floor"], [9L, 0L]))
            .Accept(FakeQueryApi.Rows(Columns,
                [4L, japan.Name, "entity", .. Stored.Row(japan)],
                [5L, "entities/korea", "deleted", null, null, null, null],
                [6L, supplies.Name, "relationship", .. Stored.Row(supplies)]));

        var page = await fixture.Store.ReadChangesAsync(3, 3, new ReadConsistency(["FB:seen"]), Fixture.None);

        Assert.Equal((6L, true), (page.Position, page.HasMore));
        Assert.Equal([4L, 5L, 6L], page.Changes.Select(c => c.Position));
        Assert.Equal("Japan".ToLowerInvariant(), page.Changes[0].Entity!.DisplayName);
        Assert.True(page.Changes[1].IsDeletion);
        Assert.Equal(supplies.Name, page.Changes[2].Relationship!.Name);
        var (head, read) = (fixture.Api.Requests[0], fixture.Api.Requests[1]);
        Assert.Equal(ChangeStatements.Head.Text, head.Statement);
        Assert.Equal(ChangeStatements.Read.Text, read.Statement);
        Assert.Equal("9", read.Json.GetProperty("parameters").GetProperty("head").GetProperty("_value").GetString());
        Assert.Contains("FB:seen", read.Json.GetProperty("bookmarks").EnumerateArray().Select(b => b.GetString()));
        Assert.Contains("FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ", read.Json.GetProperty("bookmarks").EnumerateArray().Select(b => b.GetString()));
    }

    [Fact]
    public async Task A_short_page_ends_at_the_head()
    {
        var fixture = new Fixture();
        fixture.Api
            .Accept(FakeQueryApi.Rows(["head", "floor"], [9L, 0L]))
            .Accept(FakeQueryApi.Rows(Columns, [8L, "entities/korea", "deleted", null, null, null, null]));

        var page = await fixture.Store.ReadChangesAsync(7, 100, ReadConsistency.None, Fixture.None);

        Assert.Equal((9L, false), (page.Position, page.HasMore));
        Assert.Single(page.Changes);
    }

    [Fact]
    public async Task Nothing_after_the_head_reads_no_changes()
    {
        var fixture = new Fixture();
        fixture.Api.Accept(FakeQueryApi.Rows(["head", "floor"], [9L, 0L]));

        var page = await fixture.Store.ReadChangesAsync(9, 100, ReadConsistency.None, Fixture.None);

        Assert.Equal((9L, false, 0), (page.Position, page.HasMore, page.Changes.Count));
        Assert.Single(fixture.Api.Requests);
    }

    [Fact]
    public async Task A_reader_behind_the_floor_gets_a_gap_and_reads_no_changes()
    {
        var fixture = new Fixture();
        fixture.Api.Accept(FakeQueryApi.Rows(["head", "floor"], [9L, 6L]));

        var gap = await Assert.ThrowsAsync<ChangeFeedGapException>(() => fixture.Store.ReadChangesAsync(5, 100, ReadConsistency.None, Fixture.None));

        Assert.Equal((5L, 6L), (gap.After, gap.Floor));
        Assert.Single(fixture.Api.Requests);
    }

    [Fact]
    public async Task A_reader_at_the_floor_reads_on_and_a_head_read_is_never_a_gap()
    {
        var fixture = new Fixture();
        fixture.Api
            .Accept(FakeQueryApi.Rows(["head", "floor"], [9L, 6L]))
            .Accept(FakeQueryApi.Rows(Columns, [8L, "entities/korea", "deleted", null, null, null, null]))
            .Accept(FakeQueryApi.Rows(["head", "floor"], [9L, 6L]));

        var page = await fixture.Store.ReadChangesAsync(6, 100, ReadConsistency.None, Fixture.None);
        var head = await fixture.Store.ReadChangesAsync(0, 0, ReadConsistency.None, Fixture.None);

        Assert.Equal([8L], page.Changes.Select(c => c.Position));
        Assert.Equal((9L, 0), (head.Position, head.Changes.Count));
    }
}
