using System.Net;
using System.Text.Json;
using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.Store.Neo4j.Http;
using Xunit;

namespace KnowledgeGraph.Store.Neo4j.Tests.Contract;

/// <summary>Documented Query API answers are parsed: each typed value, errors in any status, retries for transient errors only.</summary>
public sealed class ResponseContractTests
{
    private static object? Read(string typed) => TypedJsonReader.Read(JsonDocument.Parse(typed).RootElement);

    [Fact]
    public void Scalar_typed_values_parse_to_clr_values()
    {
        Assert.Equal(9007199254740993L, Read("""{"$type":"Integer","_value":"9007199254740993"}"""));
        Assert.Equal(0.09, Read("""{"$type":"Float","_value":"0.09"}"""));
        Assert.Equal(double.NaN, Read("""{"$type":"Float","_value":"NaN"}"""));
        Assert.Equal("Sakhalin-2", Read("""{"$type":"String","_value":"Sakhalin-2"}"""));
        Assert.Equal(true, Read("""{"$type":"Boolean","_value":true}"""));
        Assert.Null(Read("""{"$type":"Null","_value":null}"""));
        Assert.Equal(new byte[] { 3, 111, 191 }, Read("""{"$type":"Base64","_value":"A2+/"}"""));
    }

    [Fact]
    public void Temporal_typed_values_parse_with_their_offsets()
    {
        Assert.Equal(new DateOnly(2015, 3, 26), Read("""{"$type":"Date","_value":"2015-03-26"}"""));
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 21, 40, 32, TimeSpan.FromHours(-1)), Read("""{"$type":"OffsetDateTime","_value":"2024-01-01T21:40:32-01:00"}"""));
        var zoned = Assert.IsType<DateTimeOffset>(Read("""{"$type":"ZonedDateTime","_value":"2015-11-21T21:40:32.142123456Z[Antarctica/Troll]"}"""));
        Assert.Equal(new DateTimeOffset(2015, 11, 21, 21, 40, 32, TimeSpan.Zero).AddTicks(1421234), zoned);
        Assert.Equal(new DateTime(2015, 7, 4, 19, 32, 24), Read("""{"$type":"LocalDateTime","_value":"2015-07-04T19:32:24"}"""));
        Assert.Equal(new CypherText("Duration", "P14DT16H12M"), Read("""{"$type":"Duration","_value":"P14DT16H12M"}"""));
    }

    [Fact]
    public void Lists_and_maps_parse_recursively()
    {
        var list = Assert.IsAssignableFrom<IReadOnlyList<object?>>(Read("""{"$type":"List","_value":[{"$type":"Integer","_value":"1"},{"$type":"String","_value":"a"}]}"""));
        Assert.Equal([1L, "a"], list);
        var map = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(Read("""{"$type":"Map","_value":{"share":{"$type":"Float","_value":"0.9"},"tags":{"$type":"List","_value":[]}}}"""));
        Assert.Equal(0.9, map["share"]);
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyList<object?>>(map["tags"]));
    }

    [Fact]
    public void Nodes_relationships_and_paths_parse()
    {
        const string japan = """{"$type":"Node","_value":{"_element_id":"4:db:1","_labels":["Entity","Country"],"_properties":{"id":{"$type":"String","_value":"japan"}}}}""";
        const string sakhalin = """{"$type":"Node","_value":{"_element_id":"4:db:2","_labels":["Entity","Project"],"_properties":{"id":{"$type":"String","_value":"sakhalin-2"}}}}""";
        const string supplies = """{"$type":"Relationship","_value":{"_element_id":"5:db:9","_start_node_element_id":"4:db:2","_end_node_element_id":"4:db:1","_type":"SUPPLIES","_properties":{"weight":{"$type":"Float","_value":"0.09"}}}}""";

        var node = Assert.IsType<Neo4jNode>(Read(japan));
        Assert.Equal(["Entity", "Country"], node.Labels);
        Assert.Equal("japan", node.Properties["id"]);

        var relationship = Assert.IsType<Neo4jRelationship>(Read(supplies));
        Assert.Equal(("SUPPLIES", "4:db:2", "4:db:1"), (relationship.Type, relationship.StartNodeElementId, relationship.EndNodeElementId));
        Assert.Equal(0.09, relationship.Properties["weight"]);

        var path = Assert.IsType<Neo4jPath>(Read($$"""{"$type":"Path","_value":[{{japan}},{{supplies}},{{sakhalin}}]}"""));
        Assert.Equal(["4:db:1", "4:db:2"], path.Nodes.Select(n => n.ElementId));
        Assert.Equal("5:db:9", Assert.Single(path.Relationships).ElementId);
    }

    [Fact]
    public void An_unknown_type_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => Read("""{"$type":"Vector","_value":"[1,2]"}"""));
    }

    [Fact]
    public async Task A_result_gives_fields_rows_and_bookmarks()
    {
        var fixture = new Fixture();
        fixture.Api.Respond(HttpStatusCode.Accepted, FakeQueryApi.Rows("""["name","distance"]""",
            """[{"$type":"String","_value":"entities/russia"},{"$type":"Integer","_value":"2"}]"""));

        var result = await fixture.Transport.RunAsync(ServiceStatements.Ping.Bind(), [], readOnly: true, CancellationToken.None);

        Assert.Equal(["name", "distance"], result.Fields);
        Assert.Equal("entities/russia", result.Rows[0].Get<string>("name"));
        Assert.Equal(2L, result.Rows[0].Get<long>("distance"));
        Assert.Equal(["FB:bookmark-1"], result.Bookmarks);
    }

    [Fact]
    public async Task An_error_inside_a_202_body_is_raised_with_its_code()
    {
        var fixture = new Fixture();
        fixture.Api.Respond(HttpStatusCode.Accepted, FakeQueryApi.Error("Neo.ClientError.Statement.SyntaxError", "Invalid input 'RETRUN'"));

        var error = await Assert.ThrowsAsync<Neo4jServerException>(() => fixture.Transport.RunAsync(ServiceStatements.Ping.Bind(), [], true, CancellationToken.None));

        Assert.Equal((202, "Neo.ClientError.Statement.SyntaxError"), (error.HttpStatus, error.Code));
        Assert.Single(fixture.Api.Requests);
    }

    [Fact]
    public async Task A_constraint_violation_on_create_is_already_exists()
    {
        var fixture = new Fixture();
        fixture.Api
            .Respond(HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]},"transaction":{"id":"t1"}}""")
            .Respond(HttpStatusCode.Accepted, FakeQueryApi.Rows("""["id","kind","blob","etag","create_time","update_time"]"""))
            .Respond(HttpStatusCode.Accepted, FakeQueryApi.Error("Neo.ClientError.Schema.ConstraintValidationFailed", "Node(7) already exists with label `Entity` and property `id` = 'japan'"))
            .Respond(HttpStatusCode.NotFound, FakeQueryApi.Error("Neo.ClientError.Transaction.TransactionNotFound", "gone"));

        var error = await Assert.ThrowsAsync<Domain.Errors.GraphException>(() => fixture.Store.CreateEntityAsync(Fixture.Japan(), null, CancellationToken.None));

        Assert.Equal(Grpc.Core.StatusCode.AlreadyExists, error.Code);
        Assert.Equal(Domain.Errors.ErrorReasons.AlreadyExists, error.Reason);
    }

    [Fact]
    public async Task A_transient_error_is_retried_with_backoff()
    {
        var fixture = new Fixture();
        fixture.Api
            .Respond(HttpStatusCode.ServiceUnavailable, FakeQueryApi.Error("Neo.TransientError.Transaction.DeadlockDetected", "deadlock"))
            .Respond(HttpStatusCode.Accepted, FakeQueryApi.Error("Neo.TransientError.General.DatabaseUnavailable", "leader switch"))
            .Respond(HttpStatusCode.Accepted, FakeQueryApi.Rows("""["ok"]""", """[{"$type":"Integer","_value":"1"}]"""));

        var result = await fixture.Transport.RunAsync(ServiceStatements.Ping.Bind(), [], true, CancellationToken.None);

        Assert.Equal(1L, result.Rows[0].Get<long>("ok"));
        Assert.Equal(3, fixture.Api.Requests.Count);
        Assert.Equal(2, fixture.Delays.Count);
        Assert.True(fixture.Delays[1] > fixture.Delays[0], "the backoff grows");
    }

    [Fact]
    public async Task A_transient_error_in_a_transaction_retries_the_whole_transaction()
    {
        var fixture = new Fixture();
        fixture.Api
            .Respond(HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]},"transaction":{"id":"t1"}}""")
            .Respond(HttpStatusCode.Accepted, FakeQueryApi.Error("Neo.TransientError.Transaction.DeadlockDetected", "deadlock"))
            .Respond(HttpStatusCode.NotFound, FakeQueryApi.Error("Neo.ClientError.Transaction.TransactionNotFound", "gone"))
            .Respond(HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]},"transaction":{"id":"t2"}}""")
            .Respond(HttpStatusCode.Accepted, FakeQueryApi.Rows("""["ok"]"""))
            .Respond(HttpStatusCode.OK, """{"bookmarks":["FB:2"]}""");

        var (_, bookmarks) = await fixture.Transport.InTransactionAsync([], tx => tx.RunAsync(ServiceStatements.Ping.Bind(), CancellationToken.None), CancellationToken.None);

        Assert.Equal(["FB:2"], bookmarks);
        Assert.Equal(["/db/kg/query/v2/tx", "/db/kg/query/v2/tx/t1", "/db/kg/query/v2/tx/t1", "/db/kg/query/v2/tx", "/db/kg/query/v2/tx/t2", "/db/kg/query/v2/tx/t2/commit"],
            fixture.Api.Requests.Select(r => r.Path));
        Assert.Equal(HttpMethod.Delete, fixture.Api.Requests[2].Method);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        var fixture = new Fixture();
        fixture.Api.Respond(HttpStatusCode.BadRequest, FakeQueryApi.Error("Neo.ClientError.Statement.ParameterMissing", "Expected parameter(s): ids"));

        await Assert.ThrowsAsync<Neo4jServerException>(() => fixture.Transport.RunAsync(ServiceStatements.Ping.Bind(), [], true, CancellationToken.None));

        Assert.Single(fixture.Api.Requests);
        Assert.Empty(fixture.Delays);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_number_and_the_store_reports_unavailable()
    {
        var fixture = new Fixture("Endpoint=http://localhost:7474;Username=neo4j;Password=p;MaxRetries=2");
        for (var i = 0; i < 3; i++) fixture.Api.Respond(HttpStatusCode.Accepted, FakeQueryApi.Error("Neo.TransientError.General.OutOfMemoryError", "busy"));

        var error = await Assert.ThrowsAsync<Domain.Errors.GraphException>(() => fixture.Store.PingAsync(CancellationToken.None));

        Assert.Equal(Grpc.Core.StatusCode.Unavailable, error.Code);
        Assert.Equal(3, fixture.Api.Requests.Count);
    }
}
