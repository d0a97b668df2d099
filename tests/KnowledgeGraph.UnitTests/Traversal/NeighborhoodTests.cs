using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.V1;
using Xunit;
using static KnowledgeGraph.UnitTests.Traversal.InMemoryGraph;
using static KnowledgeGraph.UnitTests.Traversal.Queries;

namespace KnowledgeGraph.UnitTests.Traversal;

public sealed class NeighborhoodTests
{
    // c <-r1- a -r2-> b -r3-> d, and a -r4(SANCTIONS)-> e
    private static InMemoryGraph Star() => new InMemoryGraph()
        .Edge("r1", "SUPPLIES", "c", "a").Edge("r2", "SUPPLIES", "a", "b").Edge("r3", "SUPPLIES", "b", "d").Edge("r4", "SANCTIONS", "a", "e");

    private static Task<NeighborhoodResult> Explore(IGraphReader graph, NeighborhoodQuery query) =>
        GraphTraversal.GetNeighborhoodAsync(graph, query, GraphOntology.Default, CancellationToken.None);

    private static IEnumerable<string> Entities(NeighborhoodResult response) =>
        response.Entities.Select(e => $"{e.Entity.Name["entities/".Length..]}@{e.Distance}");

    [Fact]
    public async Task Depth_one_returns_the_centre_first_then_its_neighbours_by_name()
    {
        var response = await Explore(Star(), Neighborhood("a"));

        Assert.Equal(["a@0", "b@1", "c@1", "e@1"], Entities(response));
        Assert.Equal([R("r1"), R("r2"), R("r4")], response.Relationships.Select(r => r.Name));
        Assert.Equal("Country", response.Entities[0].Entity.Kind);
        Assert.False(response.Outcome.Truncated);
    }

    [Fact]
    public async Task Depth_two_reaches_one_hop_further()
    {
        var response = await Explore(Star(), Neighborhood("a", depth: 2));

        Assert.Equal(["a@0", "b@1", "c@1", "e@1", "d@2"], Entities(response));
        Assert.Equal([R("r1"), R("r2"), R("r3"), R("r4")], response.Relationships.Select(r => r.Name));
    }

    [Fact]
    public async Task Type_and_direction_filters_apply()
    {
        var response = await Explore(Star(), Neighborhood("a", depth: 2, direction: Direction.Outgoing, types: "SUPPLIES"));

        Assert.Equal(["a@0", "b@1", "d@2"], Entities(response));
    }

    [Fact]
    public async Task Max_entities_keeps_the_nearest_by_name_and_reports_max_results()
    {
        var response = await Explore(Star(), Neighborhood("a", depth: 2, maxEntities: 3));

        Assert.Equal(["a@0", "b@1", "c@1"], Entities(response));
        Assert.Equal([R("r1"), R("r2")], response.Relationships.Select(r => r.Name));
        Assert.Equal([Bound.MaxResults], response.Outcome.BoundsHit);
    }

    [Fact]
    public async Task Expansion_budget_truncates_the_neighbourhood()
    {
        var response = await Explore(Star(), Neighborhood("a", depth: 2, budget: Expansions(2)));

        Assert.Equal(["a@0", "b@1", "c@1"], Entities(response));
        Assert.Equal([Bound.MaxExpansions], response.Outcome.BoundsHit);
    }
}
