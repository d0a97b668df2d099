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
        var trace = await queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = "entities/japan", Direction = TraceDirection.Upstream, Commodity = "entities/natural-gas" });
        var russia = Assert.Single(trace.Dependencies, d => d.Entity.Name == "entities/russia");
        // At least the 9 percent through Sakhalin-2; up to all of it through the imports stated without a share.
        Assert.Equal(0.09, russia.ExposureLower, precision: 6);
        Assert.Equal(1.0, russia.ExposureUpper, precision: 6);
    }

    [Fact]
    public async Task The_Reseed_command_reloads_the_seed_through_the_import_api()
    {
        var relationships = new RelationshipService.RelationshipServiceClient(fixture.Channel("relationships"));
        const string supply = "relationships/sakhalin-2-supplies-japan";
        await relationships.DeleteRelationshipAsync(new DeleteRelationshipRequest { Name = supply });

        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState("seed", out var before));
        var previousRun = before!.Snapshot.StartTimeStamp;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var result = await fixture.App.ResourceCommands.ExecuteCommandAsync("entities", "reseed", timeout.Token);
        Assert.True(result.Success, result.Message);
        await fixture.App.ResourceNotifications.WaitForResourceAsync("seed",
            e => e.Snapshot.State?.Text == KnownResourceStates.Finished && e.Snapshot.StartTimeStamp != previousRun, timeout.Token);

        var restored = await relationships.GetRelationshipAsync(new GetRelationshipRequest { Name = supply });
        Assert.Equal(0.09, restored.Properties["share"].NumberValue);
    }
}
