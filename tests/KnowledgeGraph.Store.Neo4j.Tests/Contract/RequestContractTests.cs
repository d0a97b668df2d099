using System.Text;
using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.Store.Neo4j.Http;
using Xunit;

namespace KnowledgeGraph.Store.Neo4j.Tests.Contract;

/// <summary>
/// What the adapter sends matches the documented request format: paths and methods (query.adoc,
/// transactions.adoc), headers (headers.adoc, typed-json.adoc, transactions.adoc: neo4j-cluster-affinity),
/// typed parameters (typed-json.adoc), bookmarks (bookmarks.adoc), <c>accessMode: Read</c> (routing.adoc)
/// and <c>maxExecutionTime</c> in seconds (transaction-configuration.adoc).
/// </summary>
public sealed class RequestContractTests
{
    [Fact]
    public async Task A_snapshot_read_posts_typed_json_with_auth_bookmarks_read_mode_and_the_time_limit()
    {
        var fixture = new Fixture();
        fixture.Api.Accept(FakeQueryApi.Rows(["blob", "etag", "create_time", "update_time"]));
        await using var snapshot = await fixture.Store.OpenSnapshotAsync(new ReadConsistency(["FB:earlier"]), Fixture.None);

        await snapshot.GetEntitiesAsync(["entities/japan"], Fixture.None);

        var request = Assert.Single(fixture.Api.Requests);
        Assert.Equal((HttpMethod.Post, "/db/kg/query/v2"), (request.Method, request.Path));
        Assert.Equal("application/vnd.neo4j.query", request.Headers["accept"]);
        Assert.Equal("application/vnd.neo4j.query", request.ContentType);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("neo4j:secret")), request.Headers["authorization"]);
        Assert.False(request.Headers.ContainsKey(QueryApiTransport.AffinityHeader));

        var body = request.Json;
        Assert.Equal(EntityStatements.Get.Text, body.GetProperty("statement").GetString());
        var ids = body.GetProperty("parameters").GetProperty("ids");
        Assert.Equal("List", ids.GetProperty("$type").GetString());
        Assert.Equal("String", ids.GetProperty("_value")[0].GetProperty("$type").GetString());
        Assert.Equal("japan", ids.GetProperty("_value")[0].GetProperty("_value").GetString());
        Assert.Equal(["FB:earlier"], body.GetProperty("bookmarks").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal("Read", body.GetProperty("accessMode").GetString());
        Assert.Equal(13, body.GetProperty("maxExecutionTime").GetInt32());
    }

    [Fact]
    public async Task A_token_is_sent_as_bearer_auth()
    {
        var fixture = new Fixture("Endpoint=https://x.databases.neo4j.io;Token=sso-token");
        fixture.Api.Accept(FakeQueryApi.Rows(["ok"], [1L]));

        await fixture.Store.PingAsync(Fixture.None);

        var request = Assert.Single(fixture.Api.Requests);
        Assert.Equal("Bearer sso-token", request.Headers["authorization"]);
        Assert.Equal("/db/neo4j/query/v2", request.Path);
    }

    [Fact]
    public async Task A_unit_of_work_begins_with_the_time_limit_echoes_the_affinity_and_commits_with_an_empty_body()
    {
        var fixture = new Fixture();
        fixture.Api
            .Accept(Documented.BeginTransactionOnly, (QueryApiTransport.AffinityHeader, Documented.Affinity))
            .Accept(FakeQueryApi.Rows(["blob", "etag", "create_time", "update_time"]))
            .Accept(Documented.CommitBookmarksOnly);

        await using (var unit = await fixture.Store.BeginAsync(new ReadConsistency(["FB:seen"]), Fixture.None))
        {
            await unit.GetEntitiesAsync(["entities/japan"], Fixture.None);
            await unit.CommitAsync(Fixture.None);
        }

        var (begin, read, commit) = (fixture.Api.Requests[0], fixture.Api.Requests[1], fixture.Api.Requests[2]);
        Assert.Equal(3, fixture.Api.Requests.Count);
        Assert.Equal("/db/kg/query/v2/tx", begin.Path);
        Assert.False(begin.Json.TryGetProperty("statement", out _));
        Assert.False(begin.Json.TryGetProperty("accessMode", out _));
        Assert.Equal(13, begin.Json.GetProperty("maxExecutionTime").GetInt32());
        Assert.Equal(["FB:seen"], begin.Json.GetProperty("bookmarks").EnumerateArray().Select(b => b.GetString()));
        Assert.False(begin.Headers.ContainsKey(QueryApiTransport.AffinityHeader));

        Assert.Equal(("/db/kg/query/v2/tx/lyU", Documented.Affinity), (read.Path, read.Headers[QueryApiTransport.AffinityHeader]));
        Assert.Equal(("/db/kg/query/v2/tx/lyU/commit", Documented.Affinity, "{}"), (commit.Path, commit.Headers[QueryApiTransport.AffinityHeader], commit.Body));
    }

    [Fact]
    public async Task A_unit_disposed_without_commit_is_rolled_back_with_delete_and_the_affinity()
    {
        var fixture = new Fixture();
        fixture.Api
            .Accept(Documented.BeginTransactionOnly, (QueryApiTransport.AffinityHeader, Documented.Affinity))
            .Accept("{}");

        await using (var unit = await fixture.Store.BeginAsync(ReadConsistency.None, Fixture.None))
            unit.DeleteEntity("entities/japan");

        var rollback = fixture.Api.Requests[^1];
        Assert.Equal(2, fixture.Api.Requests.Count);
        Assert.Equal((HttpMethod.Delete, "/db/kg/query/v2/tx/lyU", Documented.Affinity), (rollback.Method, rollback.Path, rollback.Headers[QueryApiTransport.AffinityHeader]));
    }

    [Fact]
    public void Request_fields_follow_the_servers_record_order()
    {
        var body = QueryApiRequest.Begin(ServiceStatements.FindRequest.Bind(("id", "r1")), ["FB:a"], readOnly: true, maxExecutionTimeSeconds: 30);

        Assert.Equal(["statement", "parameters", "accessMode", "maxExecutionTime", "bookmarks"],
            System.Text.Json.JsonDocument.Parse(body).RootElement.EnumerateObject().Select(p => p.Name));
    }
}
