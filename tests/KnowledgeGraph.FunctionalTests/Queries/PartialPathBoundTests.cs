using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.Protocol;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.FunctionalTests.Queries;

/// <summary>
/// A root that depends on 40 companies, each on the same 40, each of those on the same 70: 4,440
/// relationships and 40 + 1,600 + 112,000 routes within three hops. Imported once into services of
/// their own, on the projection (the default engine) and on the store.
/// </summary>
public class LayeredDependenciesFixture : IAsyncLifetime
{
    public static readonly int[] Layers = [40, 40, 70];

    public KnowledgeGraphServices Services { get; private set; } = null!;

    public static int Relationships => Layers[0] + Layers[0] * Layers[1] + Layers[1] * Layers[2];

    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Services = new KnowledgeGraphServices(new Dictionary<string, string>(Settings));
        var layers = Layers.Select((size, layer) => Enumerable.Range(0, size).Select(i => $"l{layer}-{i:00}").ToArray()).Prepend(["root"]).ToArray();
        var entities = layers.SelectMany(layer => layer).Select(id =>
        {
            var entity = TestGraph.Entity("Company", id);
            entity.Name = $"entities/{id}";
            return entity;
        });
        using (var import = Services.Entities.ImportEntities())
        {
            foreach (var chunk in entities.Chunk(500)) await import.RequestStream.WriteAsync(new ImportEntitiesRequest { Entities = { chunk } });
            await import.RequestStream.CompleteAsync();
            Assert.Equal(1 + Layers.Sum(), (await import).Created);
        }
        var relationships = Enumerable.Range(0, Layers.Length).SelectMany(layer =>
            from dependent in layers[layer]
            from supplier in layers[layer + 1]
            select Link(dependent, supplier));
        using (var import = Services.Relationships.ImportRelationships())
        {
            foreach (var chunk in relationships.Chunk(500)) await import.RequestStream.WriteAsync(new ImportRelationshipsRequest { Relationships = { chunk } });
            await import.RequestStream.CompleteAsync();
            Assert.Equal(Relationships, (await import).Created);
        }
    }

    private static Relationship Link(string dependent, string supplier)
    {
        var relationship = TestGraph.Relationship("DEPENDS_ON", $"entities/{dependent}", $"entities/{supplier}", share: 0.5);
        relationship.Name = $"relationships/{dependent}-{supplier}";
        return relationship;
    }

    public Task DisposeAsync() => Services.DisposeAsync().AsTask();
}

/// <summary>The same graph answered by the store itself (KnowledgeGraph:Queries:Engine = Store).</summary>
public sealed class StoreEngineLayeredDependenciesFixture : LayeredDependenciesFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["KnowledgeGraph:Queries:Engine"] = "Store" };
}

/// <summary>
/// However high the expansion cap, a query builds at most <see cref="Limits.MaxPartialPaths"/>
/// partial paths: a trace whose routes outnumber it stops there with MAX_EXPANSIONS, having expanded
/// only the graph's few thousand relationships.
/// </summary>
public abstract class PartialPathBoundCases(LayeredDependenciesFixture fixture)
{
    [Fact]
    public async Task A_trace_with_more_routes_than_the_bound_stops_at_it_far_below_the_expansion_cap()
    {
        var trace = await fixture.Services.Queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = "entities/root", Direction = TraceDirection.Upstream, MaxDepth = 3 });

        Assert.Contains(Bound.MaxExpansions, trace.BoundsHit);
        Assert.InRange(trace.ExpandedRelationships, 1, LayeredDependenciesFixture.Relationships);
        Assert.Equal(LayeredDependenciesFixture.Layers.Sum(), trace.Reached);
    }

    [Fact]
    public async Task A_trace_with_fewer_routes_than_the_bound_is_not_cut()
    {
        var trace = await fixture.Services.Queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = "entities/root", Direction = TraceDirection.Upstream, MaxDepth = 2 });

        Assert.DoesNotContain(Bound.MaxExpansions, trace.BoundsHit);
        Assert.Equal(LayeredDependenciesFixture.Layers[0] + LayeredDependenciesFixture.Layers[1], trace.Reached);
        // Each second-layer company is reached through all 40 of the first: 40 routes of 0.5 x 0.5.
        Assert.All(trace.Dependencies.Where(d => d.Entity.Name.StartsWith("entities/l1-", StringComparison.Ordinal)), d => Assert.Equal(1.0, d.ExposureLower, 12));
    }
}

public sealed class PartialPathBoundTests(LayeredDependenciesFixture fixture) : PartialPathBoundCases(fixture), IClassFixture<LayeredDependenciesFixture>;

public sealed class StoreEnginePartialPathBoundTests(StoreEngineLayeredDependenciesFixture fixture) : PartialPathBoundCases(fixture), IClassFixture<StoreEngineLayeredDependenciesFixture>;
