using System.Net;
using Xunit;

namespace KnowledgeGraph.Store.Neo4j.Tests.Contract;

/// <summary>A wrong URL, wrong credentials or a disabled Query API give one clear start-up error.</summary>
public sealed class StartupCheckTests
{
    [Fact]
    public async Task Wrong_credentials_say_so()
    {
        var fixture = new Fixture();
        fixture.Api.Respond(HttpStatusCode.Unauthorized, FakeQueryApi.Error("Neo.ClientError.Security.Unauthorized", "The client is unauthorized due to authentication failure."));

        var error = await Assert.ThrowsAsync<Neo4jStartupException>(() => fixture.Store.InitializeAsync(CancellationToken.None));

        Assert.Contains("refused the credentials", error.Message, StringComparison.Ordinal);
        Assert.Contains("Neo.ClientError.Security.Unauthorized", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task A_disabled_query_api_says_how_to_enable_it()
    {
        var fixture = new Fixture();
        fixture.Api.Respond(HttpStatusCode.NotFound, "<html>Not Found</html>");

        var error = await Assert.ThrowsAsync<Neo4jStartupException>(() => fixture.Store.InitializeAsync(CancellationToken.None));

        Assert.Contains("/db/kg/query/v2", error.Message, StringComparison.Ordinal);
        Assert.Contains("server.http_enabled_modules", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_endpoint_names_it()
    {
        var fixture = new Fixture();
        fixture.Api.Fail(new HttpRequestException("Connection refused (graph.example:7473)"));

        var error = await Assert.ThrowsAsync<Neo4jStartupException>(() => fixture.Store.InitializeAsync(CancellationToken.None));

        Assert.Contains("Cannot reach Neo4j at https://graph.example:7473/db/kg", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task A_reachable_server_gets_its_constraints_and_indexes_created_if_missing()
    {
        var fixture = new Fixture();
        var schema = Cypher.SchemaStatements.All(Domain.Ontology.GraphOntology.Default);
        for (var i = 0; i <= schema.Count; i++) fixture.Api.Respond(HttpStatusCode.Accepted, FakeQueryApi.Rows("[]"));

        await fixture.Store.InitializeAsync(CancellationToken.None);

        var statements = fixture.Api.Requests.Skip(1).Select(r => r.Json.GetProperty("statement").GetString()!).ToList();
        Assert.Equal(schema.Select(s => s.Text), statements);
        Assert.All(statements, s => Assert.Contains("IF NOT EXISTS", s, StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Contains("REQUIRE n.id IS UNIQUE", StringComparison.Ordinal));
    }
}
