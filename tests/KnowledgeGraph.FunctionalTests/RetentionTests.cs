using System.Net;
using Grpc.Core;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.Store;
using KnowledgeGraph.V1;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.FunctionalTests;

/// <summary>
/// Retention through the services: after the change feed is pruned, a token of a pruned write is
/// FAILED_PRECONDITION (CONSISTENCY_TOKEN_EXPIRED) over gRPC and JSON, while a token within retention
/// still reads its write, and the Queries service goes on answering from the feed.
/// </summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private const string Header = "x-kg-consistency-token";
    private readonly KnowledgeGraphServices _services = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _services.DisposeAsync().AsTask();

    [Fact]
    public async Task A_token_of_a_pruned_write_is_expired_and_one_within_retention_still_reads_its_write()
    {
        var (japan, oldToken) = await CreateAsync("Country", "Japan");
        var (russia, _) = await CreateAsync("Country", "Russia");
        var store = _services.EntitiesHost.Services.GetRequiredService<IGraphStore>();
        var pruned = await store.PruneAsync(DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None);
        var (korea, newToken) = await CreateAsync("Country", "Korea");

        // Clients of their own: the shared ones send the session's newest token with every call.
        var queries = new QueryService.QueryServiceClient(_services.QueriesHost.Channel);
        var failure = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "CONSISTENCY_TOKEN_EXPIRED",
            () => queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = "japan" }, new Metadata { { Header, oldToken } }));
        using var http = _services.EntitiesHost.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/{japan.Name}") { Headers = { { Header, oldToken } } };
        await RpcAssert.JsonFailsAsync(await http.SendAsync(request), HttpStatusCode.BadRequest, StatusCode.FailedPrecondition, "CONSISTENCY_TOKEN_EXPIRED");
        var found = await queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = "korea" }, new Metadata { { Header, newToken } });

        Assert.True(pruned.FeedFloor > 0, $"the feed was pruned (floor {pruned.FeedFloor})");
        Assert.Contains("without the token", failure.Message, StringComparison.Ordinal);
        Assert.Equal(korea.Name, Assert.Single(found.Results).Entity.Name);
        Assert.Equal(russia.Name, (await _services.Entities.GetEntityAsync(new GetEntityRequest { Name = russia.Name })).Name);
    }

    [Fact]
    public async Task A_request_id_retried_within_its_retention_replays_and_after_it_is_a_new_request()
    {
        var request = new CreateEntityRequest { EntityId = "retried", Entity = TestGraph.Entity("Country", "Retried"), RequestId = Guid.NewGuid().ToString() };
        var first = await _services.Entities.CreateEntityAsync(request);
        var replayed = await _services.Entities.CreateEntityAsync(request);
        var store = _services.EntitiesHost.Services.GetRequiredService<IGraphStore>();
        var pruned = await store.PruneAsync(DateTimeOffset.UtcNow.AddDays(-7), DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None);

        Assert.Equal(first, replayed);
        Assert.Equal(1, pruned.Requests);
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, "ALREADY_EXISTS", () => _services.Entities.CreateEntityAsync(request));
    }

    private async Task<(Entity Entity, string Token)> CreateAsync(string kind, string displayName)
    {
        var call = _services.Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = displayName.ToLowerInvariant(), Entity = TestGraph.Entity(kind, displayName) });
        var entity = await call;
        return (entity, (await call.ResponseHeadersAsync).GetValue(Header)!);
    }
}
