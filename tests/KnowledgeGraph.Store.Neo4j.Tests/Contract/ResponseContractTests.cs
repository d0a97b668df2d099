using System.Text.Json;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.Store.Neo4j.Http;
using Xunit;

namespace KnowledgeGraph.Store.Neo4j.Tests.Contract;

/// <summary>The documented Query API answers (<see cref="Documented"/>) and typed values are read as Neo4j means them.</summary>
public sealed class ResponseContractTests
{
    private static object? Read(string typed) => TypedJsonReader.Read(JsonDocument.Parse(typed).RootElement);

    [Fact]
    public void Scalar_typed_values_parse_to_clr_values()
    {
        // typed-json.adoc, "Type mapping".
        Assert.Equal(123L, Read("""{"$type": "Integer", "_value": "123"}"""));
        Assert.Equal(4.56, Read("""{"$type": "Float", "_value": "4.56"}"""));
        Assert.Equal(3.2E9, Read("""{"$type": "Float", "_value": "3.2E9"}"""));
        Assert.Equal("Hello World", Read("""{"$type": "String", "_value": "Hello World"}"""));
        Assert.Equal(true, Read("""{"$type": "Boolean", "_value": true}"""));
        Assert.Null(Read("""{"$type": "Null", "_value": null}"""));
        Assert.Equal(new byte[] { 3, 111, 191 }, Read("""{"$type": "Base64", "_value": "A2+/"}"""));
    }

    [Fact]
    public void Temporal_typed_values_parse_with_their_offsets()
    {
        // typed-json.adoc, "Type mapping".
        Assert.Equal(new DateOnly(2015, 3, 26), Read("""{"$type": "Date", "_value": "2015-03-26"}"""));
        Assert.Equal(new DateTimeOffset(2015, 11, 21, 21, 40, 32, 142, TimeSpan.Zero), Read("""{"$type": "OffsetDateTime", "_value": "2015-11-21T21:40:32.142Z"}"""));
        Assert.Equal(new DateTimeOffset(2015, 11, 21, 21, 40, 32, 142, TimeSpan.Zero), Read("""{"$type": "ZonedDateTime", "_value": "2015-11-21T21:40:32.142Z[Antarctica/Troll]"}"""));
        Assert.Equal(new DateTime(2015, 7, 4, 19, 32, 24), Read("""{"$type": "LocalDateTime", "_value": "2015-07-04T19:32:24"}"""));
        Assert.Equal(new CypherText("Duration", "P14DT16H12M"), Read("""{"$type": "Duration", "_value": "P14DT16H12M"}"""));
    }

    [Fact]
    public void An_unknown_type_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => Read("""{"$type": "Vector", "_value": {"coordinatesType": "INT8", "coordinates": ["1", "-5", "10"]}}"""));
    }

    [Fact]
    public void A_begin_without_a_statement_gives_only_the_transaction_id_and_the_affinity()
    {
        var response = QueryApiResponse.Parse(202, "Accepted", Documented.BeginTransactionOnly, Documented.Affinity);

        Assert.Equal("lyU", response.TransactionId);
        Assert.Equal(Documented.Affinity, response.Affinity);
        Assert.Empty(response.Result.Rows);
        Assert.Empty(response.Result.Bookmarks);
    }

    [Fact]
    public void A_commit_gives_only_its_bookmarks()
    {
        var response = QueryApiResponse.Parse(202, "Accepted", Documented.CommitBookmarksOnly, null);

        Assert.Equal(["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"], response.Result.Bookmarks);
        Assert.Null(response.TransactionId);
    }

    [Fact]
    public void A_typed_result_gives_fields_rows_and_bookmarks()
    {
        var result = QueryApiResponse.Parse(202, "Accepted", Documented.TypedResult, null).Result;

        Assert.Equal(["person", "name"], result.Fields);
        Assert.Equal("Phil", result.Rows[0].Get<string>("name"));
        Assert.Equal(["Person"], result.Rows[0].Get<Neo4jNode>("person").Labels);
        Assert.Equal(["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXg6Q"], result.Bookmarks);
    }

    [Fact]
    public void Errors_after_data_in_a_202_fail_the_request()
    {
        var error = Assert.Throws<Neo4jServerException>(() => QueryApiResponse.Parse(202, "Accepted", Documented.DataThenErrors, null));

        Assert.Equal((202, "Neo.ClientError.Request.Invalid"), (error.HttpStatus, error.Code));
    }

    [Fact]
    public void An_expired_transaction_is_reported_with_its_code()
    {
        var error = Assert.Throws<Neo4jServerException>(() => QueryApiResponse.Parse(404, "Not Found", Documented.TransactionNotFound, null));

        Assert.Equal("Neo.ClientError.Request.Invalid", error.Code);
        Assert.Contains("was not found", error.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explain_answer_gives_its_plan_tree()
    {
        var plan = QueryApiResponse.Parse(202, "OK", Documented.ExplainResponse, null).Result.Plan;

        Assert.NotNull(plan);
        Assert.Equal(["ProduceResults", "Projection", "Filter", "NodeByLabelScan"], plan.Operators().Select(o => o.Operator));
    }

    [Fact]
    public async Task A_commit_that_returns_errors_after_data_is_rolled_back_and_reported_unavailable()
    {
        var fixture = new Fixture();
        fixture.Api
            .Accept(Documented.BeginTransactionOnly, (QueryApiTransport.AffinityHeader, Documented.Affinity))
            .Accept(Documented.DataThenErrors, (QueryApiTransport.AffinityHeader, Documented.Affinity))
            .Accept("{}");
        await using var unit = await fixture.Store.BeginAsync(ReadConsistency.None, Fixture.None);

        var error = await Assert.ThrowsAsync<GraphException>(() => unit.CommitAsync(Fixture.None));

        Assert.Equal((ErrorKind.Unavailable, ErrorReasons.StoreUnavailable), (error.Kind, error.Reason));
        Assert.Equal([HttpMethod.Post, HttpMethod.Post, HttpMethod.Delete], fixture.Api.Requests.Select(r => r.Method));
        Assert.Equal(["/db/kg/query/v2/tx", "/db/kg/query/v2/tx/lyU/commit", "/db/kg/query/v2/tx/lyU"], fixture.Api.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Database_not_found_at_start_up_names_the_database()
    {
        var fixture = new Fixture();
        fixture.Api.Respond(System.Net.HttpStatusCode.NotFound, Documented.DatabaseNotFound);

        var error = await Assert.ThrowsAsync<Neo4jStartupException>(() => fixture.Store.InitializeAsync(Fixture.None));

        Assert.Contains("has no database 'kg'", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task Wrong_credentials_at_start_up_say_so_without_the_password()
    {
        var fixture = new Fixture();
        fixture.Api.Respond(System.Net.HttpStatusCode.Unauthorized, Documented.Unauthorized);

        var error = await Assert.ThrowsAsync<Neo4jStartupException>(() => fixture.Store.InitializeAsync(Fixture.None));

        Assert.Contains("refused the credentials", error.Message, StringComparison.Ordinal);
        Assert.Contains("Neo.ClientError.Security.Unauthorized", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_read_uses_a_declared_statement()
    {
        var fixture = new Fixture();
        fixture.Api.Accept(Documented.TypedResult);

        await fixture.Store.PingAsync(Fixture.None);

        Assert.Equal(ServiceStatements.Ping.Text, fixture.Api.Requests[0].Statement);
    }
}
