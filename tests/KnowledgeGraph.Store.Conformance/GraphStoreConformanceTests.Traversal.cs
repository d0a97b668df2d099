using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.V1;
using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;

namespace KnowledgeGraph.Store.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static async Task SeedChainAsync(IGraphStore store)
    {
        await store.CreateEntityAsync(Country("russia", "Russia"), null, None);
        await store.CreateEntityAsync(Country("japan", "Japan"), null, None);
        await store.CreateEntityAsync(Country("korea", "Korea"), null, None);
        await store.CreateEntityAsync(Country("china", "China"), null, None);
        await store.CreateRelationshipAsync(Supplies("russia-japan", "russia", "japan", 0.5), null, None);
        await store.CreateRelationshipAsync(Supplies("japan-korea", "japan", "korea", 0.2), null, None);
        // Expired: it takes part in no query asked for now.
        await store.CreateRelationshipAsync(
            Supplies("china-korea", "china", "korea", 0.9).ValidBetween(null, new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero)), null, None);
    }

    [SkippableFact]
    public async Task Find_paths_follows_a_two_hop_chain()
    {
        var store = await StoreAsync();
        await SeedChainAsync(store);

        var response = await store.FindPathsAsync(
            new PathQuery(E("russia"), E("korea"), new HashSet<string>(), Direction.Outgoing, 4, 10, PathMode.AllSimple, Now, TraversalBudget.Default), None);

        var path = Assert.Single(response.Paths);
        Assert.Equal(E("russia"), path.Start.Name);
        Assert.Equal([E("japan"), E("korea")], path.Hops.Select(h => h.Entity.Name));
        Assert.Equal([R("russia-japan"), R("japan-korea")], path.Hops.Select(h => h.Relationship.Name));
        Assert.False(response.Truncated);
    }

    [SkippableFact]
    public async Task Trace_dependencies_weighs_a_supplies_edge_by_its_share()
    {
        var store = await StoreAsync();
        await SeedChainAsync(store);

        var response = await store.TraceDependenciesAsync(
            new TraceQuery(E("japan"), TraceDirection.Upstream, null, 6, 0, 100, Now, TraversalBudget.Default), None);

        var russia = Assert.Single(response.Dependencies);
        Assert.Equal(E("russia"), russia.Entity.Name);
        Assert.Equal(0.5, russia.Exposure, 9);
    }

    [SkippableFact]
    public async Task Neighborhood_of_depth_one_holds_the_adjacent_entities_valid_now()
    {
        var store = await StoreAsync();
        await SeedChainAsync(store);

        var response = await store.GetNeighborhoodAsync(
            new NeighborhoodQuery(E("korea"), 1, new HashSet<string>(), Direction.Both, 100, Now, TraversalBudget.Default), None);

        Assert.Equal([E("japan"), E("korea")], response.Entities.Select(e => e.Entity.Name).Order(StringComparer.Ordinal));
        Assert.Equal([R("japan-korea")], response.Relationships.Select(r => r.Name));
    }
}
