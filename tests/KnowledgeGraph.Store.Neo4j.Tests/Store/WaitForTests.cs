using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.Store.Neo4j.Tests.Contract;
using Xunit;

namespace KnowledgeGraph.Store.Neo4j.Tests.Store;

/// <summary>WaitFor returns the token's bookmarks as a ReadConsistency, which the call passes explicitly to the reads that follow.</summary>
public sealed class WaitForTests
{
    [Fact]
    public async Task The_awaited_bookmarks_reach_the_reads_that_are_given_the_returned_consistency()
    {
        var fixture = new Fixture();
        fixture.Api.Accept(FakeQueryApi.Rows(["ok"], [1L])).Accept(FakeQueryApi.Rows(Stored.Columns));

        var consistency = await fixture.Store.WaitForAsync(ConsistencyTokens.Create(["FB:a", "FB:b"]), TimeSpan.FromSeconds(1), Fixture.None);
        await using var snapshot = await fixture.Store.OpenSnapshotAsync(consistency, Fixture.None);
        await snapshot.GetEntitiesAsync(["entities/japan"], Fixture.None);

        Assert.Equal(["FB:a", "FB:b"], consistency.Markers);
        var (wait, read) = (fixture.Api.Requests[0], fixture.Api.Requests[1]);
        Assert.Equal(ServiceStatements.Ping.Text, wait.Statement);
        Assert.Equal(["FB:a", "FB:b"], wait.Json.GetProperty("bookmarks").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(["FB:a", "FB:b"], read.Json.GetProperty("bookmarks").EnumerateArray().Select(b => b.GetString()));
    }

    [Fact]
    public async Task A_token_this_store_did_not_issue_is_invalid_argument()
    {
        var fixture = new Fixture();

        var error = await Assert.ThrowsAsync<GraphException>(() => fixture.Store.WaitForAsync("42", TimeSpan.FromSeconds(1), Fixture.None));

        Assert.Equal((ErrorKind.InvalidArgument, ErrorReasons.InvalidConsistencyToken), (error.Kind, error.Reason));
        Assert.Empty(fixture.Api.Requests);
    }

    [Fact]
    public async Task A_bookmark_timeout_is_a_consistency_timeout_and_is_not_retried()
    {
        var fixture = new Fixture();
        fixture.Api.Respond(System.Net.HttpStatusCode.BadRequest, FakeQueryApi.Error("Neo.TransientError.Transaction.BookmarkTimeout", "Database not up to the requested version"));

        var error = await Assert.ThrowsAsync<GraphException>(() => fixture.Store.WaitForAsync(ConsistencyTokens.Create(["FB:a"]), TimeSpan.FromSeconds(1), Fixture.None));

        Assert.Equal((ErrorKind.Unavailable, ErrorReasons.ConsistencyTimeout), (error.Kind, error.Reason));
        Assert.Single(fixture.Api.Requests);
    }
}
