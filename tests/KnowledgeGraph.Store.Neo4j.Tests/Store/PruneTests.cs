using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.Store.Neo4j.Tests.Contract;
using Xunit;

namespace KnowledgeGraph.Store.Neo4j.Tests.Store;

/// <summary>Retention on Neo4j: old tombstones (raising the feed's floor), then old request records, a batch per auto-commit statement until a batch is short.</summary>
public sealed class PruneTests
{
    [Fact]
    public async Task Tombstones_then_request_records_are_pruned_a_batch_at_a_time_until_one_is_short()
    {
        var fixture = new Fixture();
        fixture.Api
            .Accept(FakeQueryApi.Rows(["count", "floor"], [10_000L, 7L]))
            .Accept(FakeQueryApi.Rows(["count", "floor"], [3L, 9L]))
            .Accept(FakeQueryApi.Rows(["count"], [5L]));
        var changesBefore = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        var requestsBefore = changesBefore.AddDays(6);

        var result = await fixture.Store.PruneAsync(changesBefore, requestsBefore, Fixture.None);

        Assert.Equal(new PruneResult(10_003, 5, 9), result);
        Assert.Equal([ChangeStatements.PruneTombstones.Text, ChangeStatements.PruneTombstones.Text, ServiceStatements.PruneRequests.Text],
            fixture.Api.Requests.Select(r => r.Statement));
        Assert.Equal([changesBefore, changesBefore, requestsBefore], fixture.Api.Requests.Select(r => Parameter(r, "before")).Select(DateTimeOffset.FromUnixTimeMilliseconds));
        Assert.All(fixture.Api.Requests, r => Assert.Equal(10_000, Parameter(r, "limit")));
        Assert.All(fixture.Api.Requests, r => Assert.EndsWith("/query/v2", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Deletions_and_request_records_carry_the_time_retention_compares()
    {
        Assert.Contains("t.time = timestamp()", EntityStatements.Delete.Text, StringComparison.Ordinal);
        Assert.Contains("t.time = timestamp()", RelationshipStatements.Delete.Text, StringComparison.Ordinal);
        Assert.Contains("q.time = timestamp()", ServiceStatements.RecordRequests.Text, StringComparison.Ordinal);
    }

    private static long Parameter(FakeQueryApi.RecordedRequest request, string name) =>
        long.Parse(request.Json.GetProperty("parameters").GetProperty(name).GetProperty("_value").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
