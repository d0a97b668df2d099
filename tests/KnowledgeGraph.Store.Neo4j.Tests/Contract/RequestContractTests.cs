using System.Net;
using System.Text;
using KnowledgeGraph.Store.Neo4j.Cypher;
using Xunit;

namespace KnowledgeGraph.Store.Neo4j.Tests.Contract;

/// <summary>Requests match Neo4j's documented Query API v2: paths, methods, headers and body.</summary>
public sealed class RequestContractTests
{
    [Fact]
    public async Task An_auto_commit_query_posts_typed_json_with_auth_parameters_bookmarks_and_read_mode()
    {
        var fixture = new Fixture();
        fixture.Api.Respond(HttpStatusCode.Accepted, FakeQueryApi.Rows("""["blob","etag","create_time","update_time"]"""));

        await fixture.Transport.RunAsync(EntityStatements.Get.Bind(("ids", new List<string> { "japan" })), ["FB:earlier"], readOnly: true, CancellationToken.None);

        var request = Assert.Single(fixture.Api.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/db/kg/query/v2", request.Path);
        Assert.Equal("application/vnd.neo4j.query", request.Headers["accept"]);
        Assert.Equal("application/vnd.neo4j.query", request.ContentType);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("neo4j:secret")), request.Headers["authorization"]);
        Assert.False(request.Headers.ContainsKey(Http.QueryApiTransport.AffinityHeader));

        var body = request.Json;
        Assert.Equal(EntityStatements.Get.Text, body.GetProperty("statement").GetString());
        var ids = body.GetProperty("parameters").GetProperty("ids");
        Assert.Equal("List", ids.GetProperty("$type").GetString());
        var first = ids.GetProperty("_value")[0];
        Assert.Equal("String", first.GetProperty("$type").GetString());
        Assert.Equal("japan", first.GetProperty("_value").GetString());
        Assert.Equal("FB:earlier", body.GetProperty("bookmarks")[0].GetString());
        Assert.Equal("READ", body.GetProperty("accessMode").GetString());
    }

    [Fact]
    public async Task A_token_is_sent_as_bearer_auth()
    {
        var fixture = new Fixture("Endpoint=https://x.databases.neo4j.io;Token=sso-token");
        fixture.Api.Respond(HttpStatusCode.Accepted, FakeQueryApi.Rows("""["ok"]""", """[{"$type":"Integer","_value":"1"}]"""));

        await fixture.Store.PingAsync(CancellationToken.None);

        var request = Assert.Single(fixture.Api.Requests);
        Assert.Equal("Bearer sso-token", request.Headers["authorization"]);
        Assert.Equal("/db/neo4j/query/v2", request.Path);
    }

    [Fact]
    public async Task A_write_runs_in_an_explicit_transaction_that_echoes_the_cluster_affinity_and_returns_the_commit_bookmarks()
    {
        var fixture = new Fixture();
        fixture.Api
            .Respond(HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]},"transaction":{"id":"tx7","expires":"2025-01-01T00:00:30Z"}}""", ("neo4j-cluster-affinity", "MTAuOC41Ljc6MTc0NzQ="))
            .Respond(HttpStatusCode.Accepted, FakeQueryApi.Rows("""["id","kind","blob","etag","create_time","update_time"]"""))
            .Respond(HttpStatusCode.Accepted, FakeQueryApi.Rows("""["id"]""", """[{"$type":"String","_value":"japan"}]"""))
            .Respond(HttpStatusCode.Accepted, FakeQueryApi.Rows("[]"))
            .Respond(HttpStatusCode.OK, """{"data":{"fields":[],"values":[]},"bookmarks":["FB:after-create"]}""");

        var committed = await fixture.Store.CreateEntityAsync(Fixture.Japan(), requestId: null, CancellationToken.None);

        var requests = fixture.Api.Requests;
        Assert.Equal(["/db/kg/query/v2/tx", "/db/kg/query/v2/tx/tx7", "/db/kg/query/v2/tx/tx7", "/db/kg/query/v2/tx/tx7", "/db/kg/query/v2/tx/tx7/commit"], requests.Select(r => r.Path));
        Assert.All(requests, r => Assert.Equal(HttpMethod.Post, r.Method));
        Assert.False(requests[0].Headers.ContainsKey("neo4j-cluster-affinity"));
        Assert.All(requests.Skip(1), r => Assert.Equal("MTAuOC41Ljc6MTc0NzQ=", r.Headers["neo4j-cluster-affinity"]));
        Assert.Equal(EntityStatements.Lock.Text, requests[1].Json.GetProperty("statement").GetString());
        Assert.Equal(EntityStatements.Create.Text, requests[2].Json.GetProperty("statement").GetString());
        Assert.Contains("SET n:Country", requests[3].Json.GetProperty("statement").GetString(), StringComparison.Ordinal);

        var props = requests[2].Json.GetProperty("parameters").GetProperty("rows").GetProperty("_value")[0].GetProperty("_value").GetProperty("props").GetProperty("_value");
        Assert.Equal("japan", props.GetProperty("id").GetProperty("_value").GetString());
        Assert.Equal("OffsetDateTime", props.GetProperty("create_time").GetProperty("$type").GetString());
        Assert.Equal("japan|nippon|japan", props.GetProperty("search_text").GetProperty("_value").GetString());

        Assert.Equal(["FB:after-create"], ConsistencyTokens.Parse(committed.ConsistencyToken));
        Assert.False(string.IsNullOrEmpty(committed.Value.Etag));
    }

    [Fact]
    public async Task A_failed_write_rolls_its_transaction_back_with_delete()
    {
        var fixture = new Fixture();
        var stored = """{"$type":"String","_value":"{\"name\":\"entities/japan\",\"kind\":\"Country\",\"displayName\":\"Japan\"}"}""";
        fixture.Api
            .Respond(HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]},"transaction":{"id":"tx8"}}""", ("neo4j-cluster-affinity", "aff"))
            .Respond(HttpStatusCode.Accepted, FakeQueryApi.Rows("""["id","kind","blob","etag","create_time","update_time"]""",
                $$"""[{"$type":"String","_value":"japan"},{"$type":"String","_value":"Country"},{{stored}},{"$type":"String","_value":"e1"},{"$type":"Null","_value":null},{"$type":"Null","_value":null}]"""))
            .Respond(HttpStatusCode.OK, "");

        var error = await Assert.ThrowsAsync<Domain.Errors.GraphException>(() => fixture.Store.CreateEntityAsync(Fixture.Japan(), null, CancellationToken.None));

        Assert.Equal(Grpc.Core.StatusCode.AlreadyExists, error.Code);
        var rollback = fixture.Api.Requests[^1];
        Assert.Equal(HttpMethod.Delete, rollback.Method);
        Assert.Equal("/db/kg/query/v2/tx/tx8", rollback.Path);
        Assert.Equal("aff", rollback.Headers["neo4j-cluster-affinity"]);
    }

    [Fact]
    public async Task Waiting_for_a_token_sends_its_bookmarks_with_a_trivial_read()
    {
        var fixture = new Fixture();
        fixture.Api.Respond(HttpStatusCode.Accepted, FakeQueryApi.Rows("""["ok"]""", """[{"$type":"Integer","_value":"1"}]"""));

        await fixture.Store.WaitForAsync(ConsistencyTokens.Create(["FB:a", "FB:b"]), TimeSpan.FromSeconds(1), CancellationToken.None);

        var body = Assert.Single(fixture.Api.Requests).Json;
        Assert.Equal(ServiceStatements.Ping.Text, body.GetProperty("statement").GetString());
        Assert.Equal(["FB:a", "FB:b"], body.GetProperty("bookmarks").EnumerateArray().Select(b => b.GetString()));
    }

    [Fact]
    public async Task A_token_this_store_did_not_issue_is_invalid_argument()
    {
        var fixture = new Fixture();
        var error = await Assert.ThrowsAsync<Domain.Errors.GraphException>(() => fixture.Store.WaitForAsync("42", TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.Equal(Domain.Errors.ErrorReasons.InvalidConsistencyToken, error.Reason);
        Assert.Empty(fixture.Api.Requests);
    }

    [Fact]
    public async Task A_bookmark_timeout_is_a_consistency_timeout()
    {
        var fixture = new Fixture("Endpoint=http://localhost:7474;Username=neo4j;Password=p;MaxRetries=0");
        fixture.Api.Respond(HttpStatusCode.Accepted, FakeQueryApi.Error("Neo.TransientError.Transaction.BookmarkTimeout", "Database not up to the requested version"));

        var error = await Assert.ThrowsAsync<Domain.Errors.GraphException>(() => fixture.Store.WaitForAsync(ConsistencyTokens.Create(["FB:a"]), TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.Equal(Grpc.Core.StatusCode.Unavailable, error.Code);
        Assert.Equal(Domain.Errors.ErrorReasons.ConsistencyTimeout, error.Reason);
    }
}
