using System.Net;
using KnowledgeGraph.Store.Neo4j.Cypher;
using Xunit;

namespace KnowledgeGraph.Store.Neo4j.Tests.Contract;

/// <summary>Start-up checks the server, probes explicit transactions (Neo4j 5.26+), then creates the schema and the change counter.</summary>
public sealed class StartupCheckTests
{
    [Fact]
    public async Task A_server_without_explicit_transactions_fails_with_one_line_naming_the_version_needed()
    {
        var fixture = new Fixture();
        fixture.Api.Accept(FakeQueryApi.Rows(["ok"], [1L])).Respond(HttpStatusCode.NotFound, "");

        var error = await Assert.ThrowsAsync<Neo4jStartupException>(() => fixture.Store.InitializeAsync(Fixture.None));

        Assert.Contains("/db/kg/query/v2/tx", error.Message, StringComparison.Ordinal);
        Assert.Contains("5.26", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task A_server_without_the_query_api_says_so()
    {
        var fixture = new Fixture();
        fixture.Api.Respond(HttpStatusCode.NotFound, "<html>Not Found</html>");

        var error = await Assert.ThrowsAsync<Neo4jStartupException>(() => fixture.Store.InitializeAsync(Fixture.None));

        Assert.Contains("no Query API at /db/kg/query/v2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_endpoint_names_it()
    {
        var fixture = new Fixture("Endpoint=https://graph.example:7473;Database=kg;Username=neo4j;Password=secret;MaxRetries=0");
        fixture.Api.Fail(new HttpRequestException("Connection refused (graph.example:7473)"));

        var error = await Assert.ThrowsAsync<Neo4jStartupException>(() => fixture.Store.InitializeAsync(Fixture.None));

        Assert.Contains("Cannot reach Neo4j at https://graph.example:7473/db/kg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supported_server_gets_the_probe_rolled_back_then_its_schema_and_counter()
    {
        var fixture = new Fixture();
        var schema = SchemaStatements.All(Domain.Ontology.GraphOntology.Default);
        fixture.Api
            .Accept(FakeQueryApi.Rows(["ok"], [1L]))
            .Accept(Documented.BeginTransactionOnly, (Http.QueryApiTransport.AffinityHeader, Documented.Affinity))
            .Accept("{}");
        for (var i = 0; i <= schema.Count; i++) fixture.Api.Accept(FakeQueryApi.NoRows);

        await fixture.Store.InitializeAsync(Fixture.None);

        var requests = fixture.Api.Requests;
        Assert.Equal((HttpMethod.Post, "/db/kg/query/v2/tx"), (requests[1].Method, requests[1].Path));
        Assert.Equal((HttpMethod.Delete, "/db/kg/query/v2/tx/lyU"), (requests[2].Method, requests[2].Path));
        Assert.Equal([.. schema.Select(s => s.Text), ChangeStatements.EnsureCounter.Text], requests.Skip(3).Select(r => r.Statement));
        Assert.All(requests.Skip(3), r => Assert.False(r.Json.TryGetProperty("accessMode", out _)));
    }
}
