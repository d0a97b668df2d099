using System.Net;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Store.Neo4j.Tests.Contract;
using Xunit;

namespace KnowledgeGraph.Store.Neo4j.Tests.Store;

/// <summary>Only idempotent requests are retried (auto-commit reads and BEGIN), and never after a memory error.</summary>
public sealed class RetryTests
{
    [Fact]
    public async Task A_read_is_retried_with_growing_backoff_after_transient_errors()
    {
        var fixture = new Fixture();
        fixture.Api
            .Respond(HttpStatusCode.BadRequest, FakeQueryApi.Error("Neo.TransientError.Transaction.DeadlockDetected", "deadlock"))
            .Respond(HttpStatusCode.BadRequest, FakeQueryApi.Error("Neo.TransientError.General.DatabaseUnavailable", "leader switch"))
            .Accept(FakeQueryApi.Rows(["ok"], [1L]));

        await fixture.Store.PingAsync(Fixture.None);

        Assert.Equal(3, fixture.Api.Requests.Count);
        Assert.Equal(2, fixture.Delays.Count);
        Assert.True(fixture.Delays[1] > fixture.Delays[0], "the backoff grows");
    }

    [Fact]
    public async Task A_read_that_times_out_is_tried_again()
    {
        var fixture = new Fixture("Endpoint=http://localhost:7474;Username=neo4j;Password=p;Timeout=0.2");
        fixture.Api.Hang().Accept(FakeQueryApi.Rows(["ok"], [1L]));

        await fixture.Store.PingAsync(Fixture.None);

        Assert.Equal(2, fixture.Api.Requests.Count);
    }

    [Fact]
    public async Task Begin_is_retried_when_the_network_fails_as_nothing_has_run_in_it()
    {
        var fixture = new Fixture();
        fixture.Api.Fail(new HttpRequestException("Connection refused")).Accept(Documented.BeginTransactionOnly).Accept("{}");

        await using (await fixture.Store.BeginAsync(ReadConsistency.None, Fixture.None))
        {
        }

        Assert.Equal(["/db/kg/query/v2/tx", "/db/kg/query/v2/tx", "/db/kg/query/v2/tx/lyU"], fixture.Api.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task A_memory_error_is_not_retried_and_is_unavailable_with_a_retry_delay()
    {
        var fixture = new Fixture();
        fixture.Api.Respond(HttpStatusCode.BadRequest, FakeQueryApi.Error("Neo.TransientError.General.TransactionMemoryLimit", "There is not enough memory to perform the current task."));

        var error = await Assert.ThrowsAsync<GraphException>(() => fixture.Store.PingAsync(Fixture.None));

        Assert.Equal((ErrorKind.Unavailable, ErrorReasons.StoreUnavailable, Neo4jErrors.MemoryRetryDelay), (error.Kind, error.Reason, error.RetryDelay));
        Assert.Single(fixture.Api.Requests);
    }

    [Fact]
    public async Task Retries_stop_at_the_configured_number_and_the_store_reports_unavailable()
    {
        var fixture = new Fixture("Endpoint=http://localhost:7474;Username=neo4j;Password=p;MaxRetries=2");
        for (var i = 0; i < 3; i++) fixture.Api.Respond(HttpStatusCode.BadRequest, FakeQueryApi.Error("Neo.TransientError.General.DatabaseUnavailable", "busy"));

        var error = await Assert.ThrowsAsync<GraphException>(() => fixture.Store.PingAsync(Fixture.None));

        Assert.Equal((ErrorKind.Unavailable, Neo4jErrors.RetryDelay), (error.Kind, error.RetryDelay));
        Assert.Equal(3, fixture.Api.Requests.Count);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        var fixture = new Fixture();
        fixture.Api.Respond(HttpStatusCode.BadRequest, FakeQueryApi.Error("Neo.ClientError.Statement.ParameterMissing", "Expected parameter(s): ids"));

        await Assert.ThrowsAsync<Http.Neo4jServerException>(() => fixture.Store.PingAsync(Fixture.None));

        Assert.Single(fixture.Api.Requests);
    }
}
