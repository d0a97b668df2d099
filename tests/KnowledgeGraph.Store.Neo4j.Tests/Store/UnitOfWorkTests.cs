using System.Text.Json;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.Store.Neo4j.Http;
using KnowledgeGraph.Store.Neo4j.Tests.Contract;
using Xunit;

namespace KnowledgeGraph.Store.Neo4j.Tests.Store;

/// <summary>A unit of work locks what it reads, buffers its writes and flushes them in order at commit, and reports failures as the port asks.</summary>
public sealed class UnitOfWorkTests
{
    private static Fixture Begun(string connectionString = "Endpoint=https://graph.example:7473;Database=kg;Username=neo4j;Password=secret;Timeout=12.5")
    {
        var fixture = new Fixture(connectionString);
        fixture.Api.Accept(Documented.BeginTransactionOnly, (QueryApiTransport.AffinityHeader, Documented.Affinity));
        return fixture;
    }

    [Fact]
    public async Task Reads_by_key_and_incident_reads_lock_what_they_read()
    {
        var fixture = Begun();
        fixture.Api
            .Accept(FakeQueryApi.Rows(Stored.Columns, Stored.Row(Stored.Country("japan"))))
            .Accept(FakeQueryApi.Rows(["name", "type", "source", "target", "source_kind", "target_kind"],
                ["relationships/s", "SUPPLIES", "entities/russia", "entities/japan", "Country", "Country"]))
            .Accept("{}");
        await using var unit = await fixture.Store.BeginAsync(ReadConsistency.None, Fixture.None);

        var entities = await unit.GetEntitiesAsync(["entities/japan", "entities/missing"], Fixture.None);
        var incidents = await unit.GetIncidentRelationshipsAsync("entities/japan", Fixture.None);

        Assert.Equal(["entities/japan"], entities.Keys);
        Assert.Equal("relationships/s", Assert.Single(incidents).Name);
        Assert.Equal(EntityStatements.Lock.Text, fixture.Api.Requests[1].Statement);
        Assert.Equal(RelationshipStatements.LockIncident.Text, fixture.Api.Requests[2].Statement);
        Assert.All(fixture.Api.Requests.Skip(1).Take(2), r => Assert.Contains("write_seq = coalesce(", r.Statement, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writes_wait_for_the_commit_and_flush_in_order_after_reserving_one_position_per_change()
    {
        var fixture = Begun();
        await using var unit = await fixture.Store.BeginAsync(ReadConsistency.None, Fixture.None);
        unit.Insert(Stored.Country("japan"));
        unit.Replace(Stored.Country("china"));
        unit.DeleteEntity("entities/korea");
        unit.Insert(Stored.Supplies("r1", "china", "japan"));
        unit.DeleteRelationship("relationships/r0");
        unit.RecordRequest("req-1", "CreateEntity", [1, 2, 3]);
        Assert.Single(fixture.Api.Requests);

        fixture.Api
            .Accept(FakeQueryApi.Rows(["last"], [15L]))
            .Accept(FakeQueryApi.Rows(["written"], [1L]))  // relationship delete
            .Accept(FakeQueryApi.Rows(["written"], [1L]))  // entity delete
            .Accept(FakeQueryApi.NoRows)
            .Accept(FakeQueryApi.Rows(["written"], [1L]))  // entity replace
            .Accept(FakeQueryApi.NoRows)
            .Accept(FakeQueryApi.NoRows)
            .Accept(FakeQueryApi.NoRows);
        fixture.Api.Accept(Documented.CommitBookmarksOnly);
        var token = await unit.CommitAsync(Fixture.None);

        var sent = fixture.Api.Requests.Skip(1).ToList();
        Assert.Equal(
        [
            ChangeStatements.Reserve.Text, RelationshipStatements.Delete.Text, EntityStatements.Delete.Text,
            EntityStatements.Insert.Text, EntityStatements.Replace.Text, EntityStatements.SetKindLabel(Domain.Ontology.GraphOntology.Default)["Country"].Text,
            RelationshipStatements.Insert(Domain.Ontology.GraphOntology.Default)["SUPPLIES"].Text, ServiceStatements.RecordRequests.Text, null,
        ], sent.Select(r => r.Statement));
        Assert.Equal("5", Parameter(sent[0], "count").GetProperty("_value").GetString());
        Assert.Equal(11, ChangeSeq(sent[1], row => row));
        Assert.Equal(12, ChangeSeq(sent[2], row => row));
        Assert.Equal(13, ChangeSeq(sent[3], row => row.GetProperty("props").GetProperty("_value")));
        Assert.Equal(14, ChangeSeq(sent[4], row => row.GetProperty("props").GetProperty("_value")));
        Assert.Equal(15, ChangeSeq(sent[6], row => row.GetProperty("record").GetProperty("_value")));
        Assert.Equal(["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"], ConsistencyTokens.Parse(token));
    }

    [Fact]
    public async Task Writes_to_one_name_collapse_so_an_insert_then_a_delete_writes_nothing()
    {
        var fixture = Begun();
        fixture.Api.Accept(Documented.CommitBookmarksOnly);
        await using var unit = await fixture.Store.BeginAsync(ReadConsistency.None, Fixture.None);

        unit.Insert(Stored.Country("japan"));
        unit.DeleteEntity("entities/japan");
        await unit.CommitAsync(Fixture.None);

        Assert.Equal(["/db/kg/query/v2/tx", "/db/kg/query/v2/tx/lyU/commit"], fixture.Api.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task A_unit_that_wrote_nothing_still_commits_and_returns_its_bookmarks_as_the_token()
    {
        var fixture = Begun();
        fixture.Api.Accept(Documented.CommitBookmarksOnly);
        await using var unit = await fixture.Store.BeginAsync(ReadConsistency.None, Fixture.None);

        var token = await unit.CommitAsync(Fixture.None);

        Assert.EndsWith("/commit", fixture.Api.Requests[^1].Path, StringComparison.Ordinal);
        Assert.Equal(["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"], ConsistencyTokens.Parse(token));
    }

    [Fact]
    public async Task A_replace_of_an_entity_that_is_gone_is_a_store_conflict()
    {
        var fixture = Begun();
        fixture.Api
            .Accept(FakeQueryApi.Rows(["last"], [1L]))
            .Accept(FakeQueryApi.Rows(["written"], [0L]))
            .Accept("{}");
        await using var unit = await fixture.Store.BeginAsync(ReadConsistency.None, Fixture.None);
        unit.Replace(Stored.Country("atlantis"));

        await Assert.ThrowsAsync<StoreConflictException>(() => unit.CommitAsync(Fixture.None));
        Assert.Equal(EntityStatements.Replace.Text, fixture.Api.Requests[2].Statement);
    }

    [Fact]
    public async Task A_unique_constraint_violation_at_flush_is_a_store_conflict()
    {
        var fixture = Begun();
        fixture.Api
            .Accept(FakeQueryApi.Rows(["last"], [1L]))
            .Accept(FakeQueryApi.Error(Neo4jErrors.ConstraintViolation, "Node(7) already exists with label `Entity` and property `id` = 'japan'"))
            .Accept("{}");
        await using var unit = await fixture.Store.BeginAsync(ReadConsistency.None, Fixture.None);
        unit.Insert(Stored.Country("japan"));

        await Assert.ThrowsAsync<StoreConflictException>(() => unit.CommitAsync(Fixture.None));
    }

    [Fact]
    public async Task A_transient_error_inside_the_unit_is_a_store_conflict_and_the_statement_is_not_sent_again()
    {
        var fixture = Begun();
        fixture.Api.Respond(System.Net.HttpStatusCode.BadRequest, FakeQueryApi.Error("Neo.TransientError.Transaction.DeadlockDetected", "deadlock")).Accept("{}");
        await using var unit = await fixture.Store.BeginAsync(ReadConsistency.None, Fixture.None);

        await Assert.ThrowsAsync<StoreConflictException>(() => unit.GetEntitiesAsync(["entities/japan"], Fixture.None));

        Assert.Equal(2, fixture.Api.Requests.Count);
        Assert.Empty(fixture.Delays);
    }

    [Fact]
    public async Task A_memory_error_inside_the_unit_is_unavailable_with_a_retry_delay()
    {
        var fixture = Begun();
        fixture.Api.Respond(System.Net.HttpStatusCode.BadRequest, FakeQueryApi.Error("Neo.TransientError.General.MemoryPoolOutOfMemoryError", "The allocation of an extra 2.0 MiB would use more than the limit")).Accept("{}");
        await using var unit = await fixture.Store.BeginAsync(ReadConsistency.None, Fixture.None);

        var error = await Assert.ThrowsAsync<GraphException>(() => unit.GetEntitiesAsync(["entities/japan"], Fixture.None));

        Assert.Equal((ErrorKind.Unavailable, ErrorReasons.StoreUnavailable, Neo4jErrors.MemoryRetryDelay), (error.Kind, error.Reason, error.RetryDelay));
    }

    [Fact]
    public async Task A_commit_that_fails_on_the_network_is_sent_once_rolled_back_and_reported_unavailable()
    {
        var fixture = Begun();
        fixture.Api.Fail(new HttpRequestException("Connection reset")).Accept("{}");
        await using var unit = await fixture.Store.BeginAsync(ReadConsistency.None, Fixture.None);

        var error = await Assert.ThrowsAsync<GraphException>(() => unit.CommitAsync(Fixture.None));

        Assert.Equal(ErrorKind.Unavailable, error.Kind);
        Assert.Equal([(HttpMethod.Post, "/db/kg/query/v2/tx/lyU/commit"), (HttpMethod.Delete, "/db/kg/query/v2/tx/lyU")],
            fixture.Api.Requests.Skip(1).Select(r => (r.Method, r.Path)));
    }

    [Fact]
    public async Task A_commit_that_times_out_is_rolled_back_and_reported_unavailable()
    {
        var fixture = Begun("Endpoint=http://localhost:7474;Username=neo4j;Password=p;Timeout=0.2");
        fixture.Api.Hang().Accept("{}");
        await using var unit = await fixture.Store.BeginAsync(ReadConsistency.None, Fixture.None);

        var error = await Assert.ThrowsAsync<GraphException>(() => unit.CommitAsync(Fixture.None));

        Assert.Equal((ErrorKind.Unavailable, ErrorReasons.StoreUnavailable), (error.Kind, error.Reason));
        Assert.Equal([HttpMethod.Post, HttpMethod.Delete], fixture.Api.Requests.Skip(1).Select(r => r.Method));
    }

    private static JsonElement Parameter(FakeQueryApi.RecordedRequest request, string name) => request.Json.GetProperty("parameters").GetProperty(name);

    private static long ChangeSeq(FakeQueryApi.RecordedRequest request, Func<JsonElement, JsonElement> map)
    {
        var row = Parameter(request, "rows").GetProperty("_value")[0].GetProperty("_value");
        return long.Parse(map(row).GetProperty("change_seq").GetProperty("_value").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }
}
