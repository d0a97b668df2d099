using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.UnitTests.Traversal;
using KnowledgeGraph.V1;
using Xunit;
using static KnowledgeGraph.UnitTests.Traversal.InMemoryGraph;
using static KnowledgeGraph.UnitTests.Traversal.Queries;

namespace KnowledgeGraph.UnitTests.WhatIf;

/// <summary>Chokepoints on small graphs, computed by hand (binary-fraction shares, so the sums are exact).</summary>
public sealed class ChokepointTests
{
    private static Task<ChokepointsResult> Find(IGraphReader graph, string root, TraceDirection direction = TraceDirection.Upstream, int maxResults = 10) =>
        GraphTraversal.FindChokepointsAsync(graph, new ChokepointQuery(Queries.Trace(root, direction, maxRoutes: ChokepointAnalysis.RoutesPerCandidate), maxResults),
            GraphOntology.Default, TimeProvider.System, CancellationToken.None);

    private static (string Entity, double Lower, double Upper, int Reach, int Routes) Row(Chokepoint c) =>
        (c.Entity.Name["entities/".Length..], c.ExposureLostLower, c.ExposureLostUpper, c.ReachLost, c.RouteCount);

    [Fact]
    public async Task Chain_the_first_link_carries_everything_behind_it()
    {
        var graph = new InMemoryGraph().Edge("r1", "DEPENDS_ON", "jp", "x", share: 0.5).Edge("r2", "DEPENDS_ON", "x", "y", share: 0.5);

        var result = await Find(graph, "jp");

        // Total: x 1/2 + y 1/4. Without x both go; without y only y.
        Assert.Equal((0.75, 0.75, 2), (result.TotalLower, result.TotalUpper, result.Reached));
        Assert.Equal([("x", 0.75, 0.75, 2, 2), ("y", 0.25, 0.25, 1, 1)], result.Chokepoints.Select(Row));
        Assert.Equal(["r1", "r1,r2"], result.Chokepoints[0].Routes.Select(r => Ids(r.Path)));
    }

    [Fact]
    public async Task Diamond_the_heavier_branch_costs_most_and_ties_go_by_name()
    {
        var graph = new InMemoryGraph()
            .Edge("ja", "DEPENDS_ON", "jp", "a", share: 0.5).Edge("jb", "DEPENDS_ON", "jp", "b", share: 0.25)
            .Edge("az", "DEPENDS_ON", "a", "z", share: 0.5).Edge("bz", "DEPENDS_ON", "b", "z", share: 0.5);

        var result = await Find(graph, "jp");

        // a: its own 1/2 and z's route through it (3/8 - 1/8); b: 1/4 + (3/8 - 1/4); z: its 3/8.
        Assert.Equal(1.125, result.TotalLower);
        Assert.Equal([("a", 0.75, 0.75, 1, 2), ("b", 0.375, 0.375, 1, 2), ("z", 0.375, 0.375, 1, 2)], result.Chokepoints.Select(Row));
        Assert.Equal(["ja", "ja,az"], result.Chokepoints[0].Routes.Select(r => Ids(r.Path)));
    }

    [Fact]
    public async Task Cycle_counts_each_simple_route_once()
    {
        var graph = new InMemoryGraph()
            .Edge("ja", "DEPENDS_ON", "jp", "a", share: 0.5).Edge("ab", "DEPENDS_ON", "a", "b", share: 0.5).Edge("ba", "DEPENDS_ON", "b", "a", share: 0.5);

        var result = await Find(graph, "jp");

        Assert.Equal([("a", 0.75, 0.75, 2, 2), ("b", 0.25, 0.25, 1, 1)], result.Chokepoints.Select(Row));
    }

    [Fact]
    public async Task Mixed_routes_rank_by_the_known_loss_and_report_the_interval()
    {
        // jp -> a (share unknown) -> z (1/2), and jp -> z directly (1/4).
        var graph = new InMemoryGraph()
            .Edge("ja", "DEPENDS_ON", "jp", "a").Edge("az", "DEPENDS_ON", "a", "z", share: 0.5).Edge("jz", "DEPENDS_ON", "jp", "z", share: 0.25);

        var result = await Find(graph, "jp");

        // a [0, 1], z [1/4, 3/4]. Without z: z's whole [1/4, 3/4]. Without a: a's [0, 1] and z's route through it [0, 1/2].
        Assert.Equal((0.25, 1.75), (result.TotalLower, result.TotalUpper));
        Assert.Equal([("z", 0.25, 0.75, 1, 2), ("a", 0.0, 1.5, 1, 2)], result.Chokepoints.Select(Row));
        Assert.False(result.Chokepoints[1].Routes[0].Quantified);
    }

    [Fact]
    public async Task Where_the_cap_may_absorb_a_loss_the_interval_spans_both_cases()
    {
        // The article's shape: jp depends on s (1/8), s on r (1); jp also imports from r, share unknown.
        var graph = new InMemoryGraph()
            .Edge("js", "DEPENDS_ON", "jp", "s", share: 0.125).Edge("sr", "DEPENDS_ON", "s", "r", share: 1).Edge("jr", "DEPENDS_ON", "jp", "r");

        var result = await Find(graph, "jp");

        // s [1/8, 1/8]; r [1/8, 1] (1/8 through s, plus [0, 1] direct, capped). Without s: s loses 1/8; r loses
        // 1/8 if the direct import is worth nothing, 0 if it alone covers everything (the cap absorbs it): s [1/8, 1/4].
        // Without r: r's whole [1/8, 1].
        Assert.Equal((0.25, 1.125), (result.TotalLower, result.TotalUpper));
        Assert.Equal([("r", 0.125, 1.0, 1, 2), ("s", 0.125, 0.25, 1, 2)], result.Chokepoints.Select(Row)); // equal lower bounds: the larger upper first
    }

    [Fact]
    public async Task Downstream_ranks_by_dependents_lost()
    {
        // a depends on jp; b and c depend on a; d depends on jp directly, with the largest share.
        var graph = new InMemoryGraph()
            .Edge("aj", "DEPENDS_ON", "a", "jp", share: 0.25).Edge("ba", "DEPENDS_ON", "b", "a", share: 0.5)
            .Edge("ca", "DEPENDS_ON", "c", "a", share: 0.5).Edge("dj", "DEPENDS_ON", "d", "jp", share: 1);

        var result = await Find(graph, "jp", TraceDirection.Downstream, maxResults: 2);

        Assert.Equal([("a", 0.5, 0.5, 3, 3), ("d", 1.0, 1.0, 1, 1)], result.Chokepoints.Select(Row));
        Assert.Equal(4, result.Reached);
    }

    [Fact]
    public async Task Removing_a_chokepoint_costs_what_a_trace_without_it_loses()
    {
        var graph = new InMemoryGraph()
            .Edge("ja", "DEPENDS_ON", "jp", "a", share: 0.5).Edge("jb", "DEPENDS_ON", "jp", "b")
            .Edge("az", "DEPENDS_ON", "a", "z", share: 0.75).Edge("bz", "DEPENDS_ON", "b", "z", share: 0.5)
            .Edge("zy", "DEPENDS_ON", "z", "y").Edge("ay", "DEPENDS_ON", "a", "y", share: 0.25);
        var result = await Find(graph, "jp");

        foreach (var chokepoint in result.Chokepoints)
        {
            var without = await GraphTraversal.TraceDependenciesAsync(graph, Queries.Trace("jp") with { Exclude = Exclusions.Of([chokepoint.Entity.Name]) }, GraphOntology.Default, CancellationToken.None);
            Assert.Equal(result.TotalLower - without.Dependencies.Sum(d => d.ExposureLower), chokepoint.ExposureLostLower, 1e-12);
            Assert.Equal(result.TotalUpper - without.Dependencies.Sum(d => d.ExposureUpper), chokepoint.ExposureLostUpper, 1e-12);
        }
    }
}
