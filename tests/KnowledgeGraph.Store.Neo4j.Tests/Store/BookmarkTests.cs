using KnowledgeGraph.Store.Neo4j.Http;
using KnowledgeGraph.Store.Neo4j.Tests.Contract;
using Xunit;

namespace KnowledgeGraph.Store.Neo4j.Tests.Store;

/// <summary>The store keeps its bookmarks as a union, like the drivers' bookmark manager, and sends them with every read and transaction.</summary>
public sealed class BookmarkTests
{
    [Fact]
    public void A_commit_replaces_the_bookmarks_it_began_after_and_keeps_the_others()
    {
        var set = new BookmarkSet();
        set.Committed([], ["FB:a"]);
        set.Committed(["FB:a"], ["FB:b"]);
        set.Committed([], ["FB:c"]);

        Assert.Equal(["FB:b", "FB:c"], set.Current.Order(StringComparer.Ordinal));
        Assert.Equal(["FB:b", "FB:c", "FB:x"], set.With(["FB:x", "FB:b"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_slower_write_does_not_replace_the_bookmark_of_a_newer_one()
    {
        var fixture = new Fixture();
        fixture.Api
            .Accept("""{"transaction": {"id": "slow", "expires": "2024-10-22T15:48:29Z"}}""")
            .Accept("""{"transaction": {"id": "fast", "expires": "2024-10-22T15:48:29Z"}}""")
            .Accept("""{"bookmarks": ["FB:fast"]}""")
            .Accept("""{"bookmarks": ["FB:slow"]}""")
            .Accept(FakeQueryApi.Rows(Stored.Columns));
        await using var slow = await fixture.Store.BeginAsync(ReadConsistency.None, Fixture.None);
        await using var fast = await fixture.Store.BeginAsync(ReadConsistency.None, Fixture.None);

        await fast.CommitAsync(Fixture.None);
        await slow.CommitAsync(Fixture.None);
        await using var snapshot = await fixture.Store.OpenSnapshotAsync(ReadConsistency.None, Fixture.None);
        await snapshot.GetEntitiesAsync(["entities/japan"], Fixture.None);

        var read = fixture.Api.Requests[^1];
        Assert.Equal(["FB:fast", "FB:slow"], read.Json.GetProperty("bookmarks").EnumerateArray().Select(b => b.GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_transaction_waits_for_the_stores_bookmarks_and_the_calls_markers()
    {
        var fixture = new Fixture();
        fixture.Api
            .Accept(Documented.BeginTransactionOnly)
            .Accept(Documented.CommitBookmarksOnly)
            .Accept(Documented.BeginTransactionOnly);
        await using (var first = await fixture.Store.BeginAsync(ReadConsistency.None, Fixture.None))
            await first.CommitAsync(Fixture.None);

        fixture.Api.Accept("{}");
        await using var second = await fixture.Store.BeginAsync(new ReadConsistency(["FB:other-service"]), Fixture.None);

        var begin = fixture.Api.Requests[^1];
        Assert.Equal("/db/kg/query/v2/tx", begin.Path);
        Assert.Equal(["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ", "FB:other-service"], begin.Json.GetProperty("bookmarks").EnumerateArray().Select(b => b.GetString()!).Order(StringComparer.Ordinal));
    }
}
