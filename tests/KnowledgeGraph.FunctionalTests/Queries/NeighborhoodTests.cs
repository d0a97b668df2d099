using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.V1;
using static KnowledgeGraph.FunctionalTests.Infrastructure.TestGraph;

namespace KnowledgeGraph.FunctionalTests.Queries;

/// <summary>GetNeighborhood over real gRPC: the subgraph within a depth, filtered like paths are.</summary>
[Collection(ServicesCollection.Name)]
public sealed class NeighborhoodTests(SharedServices shared)
{
    private QueryGraph NewGraph() => new(shared.Services);

    /// <summary>a -ab-> b -bd-> d, c -ca-> a, a -invest-> e (INVESTS_IN, 2020..2030), and f unconnected.</summary>
    private async Task<QueryGraph> StarAsync()
    {
        var g = NewGraph();
        await g.AddAsync("Company", "a", "b", "c", "d", "e", "f");
        await g.LinkAsync("ab", "SUPPLIES", "a", "b", 0.5);
        await g.LinkAsync("bd", "SUPPLIES", "b", "d", 0.5);
        await g.LinkAsync("ca", "SUPPLIES", "c", "a", 0.5);
        await g.LinkAsync("invest", "INVESTS_IN", "a", "e", validFrom: Date(2020), validTo: Date(2030));
        return g;
    }

    private static GetNeighborhoodRequest Around(QueryGraph g, string center, int depth = 0) =>
        new() { Name = g.Entity(center), Depth = depth, AsOf = Date(2025) };

    private static IEnumerable<(string, int)> Entities(QueryGraph g, GetNeighborhoodResponse response) =>
        response.Entities.Select(e => (g.Short(e.Entity.Name), e.Distance));

    private static IEnumerable<string> Relationships(QueryGraph g, GetNeighborhoodResponse response) =>
        response.Relationships.Select(r => g.ShortRelationship(r.Name));

    [Fact]
    public async Task Depth_one_both_ways_is_the_default()
    {
        var g = await StarAsync();
        var response = await g.Queries.GetNeighborhoodAsync(Around(g, "a"));
        Assert.Equal([("a", 0), ("b", 1), ("c", 1), ("e", 1)], Entities(g, response));
        Assert.Equal(["ab", "ca", "invest"], Relationships(g, response));
        Assert.False(response.Truncated);
        Assert.Equal($"a {g.Tag}", response.Entities[0].Entity.DisplayName);
    }

    [Fact]
    public async Task Depth_two_reaches_the_second_ring_with_the_relationships_among_them()
    {
        var g = await StarAsync();
        var response = await g.Queries.GetNeighborhoodAsync(Around(g, "a", depth: 2));
        Assert.Equal([("a", 0), ("b", 1), ("c", 1), ("e", 1), ("d", 2)], Entities(g, response));
        Assert.Equal(["ab", "bd", "ca", "invest"], Relationships(g, response));
    }

    [Fact]
    public async Task Direction_types_and_as_of_filter_the_relationships_followed()
    {
        var g = await StarAsync();

        var outgoing = Around(g, "a", depth: 2);
        outgoing.Direction = Direction.Outgoing;
        Assert.Equal([("a", 0), ("b", 1), ("e", 1), ("d", 2)], Entities(g, await g.Queries.GetNeighborhoodAsync(outgoing)));

        var incoming = Around(g, "a", depth: 2);
        incoming.Direction = Direction.Incoming;
        Assert.Equal([("a", 0), ("c", 1)], Entities(g, await g.Queries.GetNeighborhoodAsync(incoming)));

        var investments = Around(g, "a", depth: 2);
        investments.RelationshipTypes.Add("INVESTS_IN");
        var invested = await g.Queries.GetNeighborhoodAsync(investments);
        Assert.Equal([("a", 0), ("e", 1)], Entities(g, invested));
        Assert.Equal(["invest"], Relationships(g, invested));

        var later = Around(g, "a");
        later.AsOf = Date(2031);
        Assert.Equal([("a", 0), ("b", 1), ("c", 1)], Entities(g, await g.Queries.GetNeighborhoodAsync(later)));
    }

    [Fact]
    public async Task Max_entities_keeps_the_first_by_name_and_says_so()
    {
        var g = await StarAsync();
        var request = Around(g, "a", depth: 2);
        request.MaxEntities = 3;
        var response = await g.Queries.GetNeighborhoodAsync(request);
        Assert.Equal([("a", 0), ("b", 1), ("c", 1)], Entities(g, response));
        Assert.Equal(["ab", "ca"], Relationships(g, response));
        Assert.True(response.Truncated);
        Assert.Equal([Bound.MaxResults], response.BoundsHit);
    }

    [Fact]
    public async Task An_isolated_entity_is_its_own_neighborhood()
    {
        var g = await StarAsync();
        var response = await g.Queries.GetNeighborhoodAsync(Around(g, "f", depth: 5));
        Assert.Equal([("f", 0)], Entities(g, response));
        Assert.Empty(response.Relationships);
        Assert.False(response.Truncated);
    }
}
