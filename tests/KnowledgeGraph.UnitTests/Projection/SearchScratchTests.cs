using KnowledgeGraph.Domain.Projection.Search;
using Xunit;

namespace KnowledgeGraph.UnitTests.Projection;

public sealed class SearchScratchTests
{
    [Fact]
    public void A_returned_scratch_lends_its_lists_again_empty()
    {
        var scratch = new SearchScratch();
        var nodes = scratch.LevelNodes();
        var edges = scratch.LevelEdges();
        nodes.AddRange(Enumerable.Range(0, 1000));
        edges.Add(new ShortestPathSearch.LevelEdge(1, new EdgeHop(2, true, 3)));
        scratch.Neighbors.Add(new EdgeHop(4, false, 5));

        scratch.Return();

        Assert.Same(nodes, scratch.LevelNodes());
        Assert.Same(edges, scratch.LevelEdges());
        Assert.Empty(nodes);
        Assert.Empty(edges);
        Assert.Empty(scratch.Neighbors);
        Assert.NotSame(nodes, scratch.LevelNodes());
    }

    [Fact]
    public void A_scratch_lets_go_of_lists_beyond_what_it_keeps()
    {
        var scratch = new SearchScratch();
        var huge = scratch.LevelNodes();
        huge.AddRange(Enumerable.Range(0, 600_000));
        var small = scratch.LevelNodes();
        small.Add(1);
        scratch.Neighbors.AddRange(Enumerable.Repeat(new EdgeHop(1, true, 2), 600_000));
        var neighbors = scratch.Neighbors;

        scratch.Return();

        var first = scratch.LevelNodes();
        var second = scratch.LevelNodes();
        Assert.Same(small, first);
        Assert.NotSame(huge, second);
        Assert.NotSame(neighbors, scratch.Neighbors);
    }
}
