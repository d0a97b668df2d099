using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Grpc.Core;
using KnowledgeGraph.V1;
using Xunit.Abstractions;

namespace KnowledgeGraph.AppHostTests;

[Collection(AppHostCollection.Name)]
public sealed class EndToEndTests(AppHostFixture fixture, ITestOutputHelper output)
{
    private const string TokenHeader = "x-kg-consistency-token";

    [Fact]
    public async Task An_entity_created_through_entities_is_found_by_queries_search_with_the_token()
    {
        output.WriteLine($"AppHost start to all three services healthy: {fixture.TimeToHealthy.TotalSeconds:F1} s");
        var entities = new EntityService.EntityServiceClient(fixture.Channel("entities"));
        var queries = new QueryService.QueryServiceClient(fixture.Channel("queries"));

        var id = $"e2e-{Guid.NewGuid():N}"[..20];
        var call = entities.CreateEntityAsync(new CreateEntityRequest
        {
            EntityId = id,
            Entity = new Entity { Kind = "Company", DisplayName = $"End To End Ltd {id}", Sources = { new Source { Document = "apphost-test" } } },
        });
        await call;
        var token = (await call.ResponseHeadersAsync).GetValue(TokenHeader);
        Assert.False(string.IsNullOrEmpty(token));

        var found = await queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = $"end to end ltd {id}" }, new Metadata { { TokenHeader, token! } });
        Assert.Equal($"entities/{id}", Assert.Single(found.Results).Entity.Name);
    }

    [Fact]
    public async Task The_seed_resource_finished_and_loaded_the_article_graph()
    {
        var seed = fixture.App.Services.GetRequiredService<ResourceNotificationService>();
        Assert.True(seed.TryGetCurrentState("seed", out var state));
        Assert.Equal(KnownResourceStates.Finished, state!.Snapshot.State?.Text);
        Assert.Equal(0, state.Snapshot.ExitCode);

        var queries = new QueryService.QueryServiceClient(fixture.Channel("queries"));
        var trace = await queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = "entities/japan", Direction = TraceDirection.Upstream });
        var russia = Assert.Single(trace.Dependencies, d => d.Entity.Name == "entities/russia");
        Assert.Equal(0.09, russia.Exposure, precision: 6);
    }
}
