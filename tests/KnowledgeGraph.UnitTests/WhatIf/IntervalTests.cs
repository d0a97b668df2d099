using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.UnitTests.Traversal;
using KnowledgeGraph.V1;
using Xunit;
using static KnowledgeGraph.UnitTests.Traversal.InMemoryGraph;
using static KnowledgeGraph.UnitTests.Traversal.Queries;

namespace KnowledgeGraph.UnitTests.WhatIf;

/// <summary>
/// Exposure as an interval on small graphs, computed by hand: a hop without a share makes its route
/// contribute 0 to the lower bound and (the share taken as 1) its product to the upper bound.
/// Shares are binary fractions, so the expected sums are exact.
/// </summary>
public sealed class IntervalTests
{
    private static Task<TraceResult> Trace(IGraphReader graph, TraceQuery query) =>
        GraphTraversal.TraceDependenciesAsync(graph, query, GraphOntology.Default, CancellationToken.None);

    private static DependencyExposure On(TraceResult response, string id) =>
        Assert.Single(response.Dependencies, d => d.Entity.Name == E(id));

    private static (double Lower, double Upper, bool Quantified) Interval(DependencyExposure d) => (d.ExposureLower, d.ExposureUpper, d.Quantified);

    [Fact]
    public async Task Chain_with_an_unknown_share_is_known_up_to_it_and_an_interval_after_it()
    {
        var graph = new InMemoryGraph().Edge("r1", "DEPENDS_ON", "jp", "x", share: 0.5).Edge("r2", "DEPENDS_ON", "x", "y");

        var response = await Trace(graph, Queries.Trace("jp"));

        Assert.Equal((0.5, 0.5, true), Interval(On(response, "x")));
        var y = On(response, "y");
        Assert.Equal((0.0, 0.5, false), Interval(y));
        Assert.Equal(0.0, y.Exposure);
        var route = Assert.Single(y.Routes);
        Assert.Equal((0.0, 0.5, false), (route.Contribution, route.ContributionUpper, route.Quantified));
        Assert.Equal([1], route.UnquantifiedHops);
        Assert.Equal([false, true], route.Path.Hops.Select(h => h.WeightUnknown));
        Assert.Equal([0.5, 1.0], route.Path.Hops.Select(h => h.Weight));
    }

    [Fact]
    public async Task Diamond_with_one_unknown_branch_sums_the_known_branch_below_and_both_above()
    {
        var graph = new InMemoryGraph()
            .Edge("ja", "DEPENDS_ON", "jp", "a", share: 0.5).Edge("jb", "DEPENDS_ON", "jp", "b")
            .Edge("az", "DEPENDS_ON", "a", "z", share: 0.5).Edge("bz", "DEPENDS_ON", "b", "z", share: 0.5);

        var response = await Trace(graph, Queries.Trace("jp"));

        // Lower bound first, then upper: a [0.5, 0.5], z [0.25, 0.75], b [0, 1] (reached only unquantified, still listed).
        Assert.Equal([E("a"), E("z"), E("b")], response.Dependencies.Select(d => d.Entity.Name));
        Assert.Equal((0.5, 0.5, true), Interval(On(response, "a")));
        Assert.Equal((0.25, 0.75, false), Interval(On(response, "z")));
        Assert.Equal((0.0, 1.0, false), Interval(On(response, "b")));
        Assert.Equal(["ja,az", "jb,bz"], On(response, "z").Routes.Select(r => Ids(r.Path)));
    }

    [Fact]
    public async Task Cycle_through_unknown_shares_terminates_with_each_route_counted_once()
    {
        var graph = new InMemoryGraph()
            .Edge("ja", "DEPENDS_ON", "jp", "a").Edge("aj", "DEPENDS_ON", "a", "jp", share: 0.5)
            .Edge("ab", "DEPENDS_ON", "a", "b", share: 0.5).Edge("ba", "DEPENDS_ON", "b", "a");

        var response = await Trace(graph, Queries.Trace("jp"));

        Assert.Equal([E("a"), E("b")], response.Dependencies.Select(d => d.Entity.Name));
        Assert.Equal((0.0, 1.0, false), Interval(On(response, "a")));
        Assert.Equal((0.0, 0.5, false), Interval(On(response, "b")));
        Assert.Equal(["ja,ab"], On(response, "b").Routes.Select(r => Ids(r.Path)));
    }

    [Fact]
    public async Task Unknown_upper_bounds_are_capped_at_one_and_min_exposure_reads_the_upper_bound()
    {
        var graph = new InMemoryGraph()
            .Edge("ja", "DEPENDS_ON", "jp", "a").Edge("jb", "DEPENDS_ON", "jp", "b")
            .Edge("az", "DEPENDS_ON", "a", "z").Edge("bz", "DEPENDS_ON", "b", "z", share: 0.25);

        var all = await Trace(graph, Queries.Trace("jp"));
        var above = await Trace(graph, Queries.Trace("jp", minExposure: 0.5));

        Assert.Equal((0.0, 1.0, false), Interval(On(all, "z")));
        Assert.Equal([E("a"), E("b"), E("z")], above.Dependencies.Select(d => d.Entity.Name));
    }

    [Fact]
    public async Task A_fully_quantified_graph_keeps_the_old_meaning_lower_equals_upper_equals_exposure()
    {
        var graph = new InMemoryGraph()
            .Edge("ja", "DEPENDS_ON", "jp", "a", share: 0.5).Edge("jb", "DEPENDS_ON", "jp", "b", share: 0.25)
            .Edge("az", "DEPENDS_ON", "a", "z", share: 0.5).Edge("bz", "DEPENDS_ON", "b", "z", share: 0.5);

        var response = await Trace(graph, Queries.Trace("jp"));

        Assert.All(response.Dependencies, d => Assert.Equal((d.Exposure, d.Exposure, true), Interval(d)));
        Assert.Equal(0.375, On(response, "z").Exposure);
        Assert.All(response.Dependencies.SelectMany(d => d.Routes), r => Assert.Equal((r.Contribution, true), (r.ContributionUpper, r.Quantified)));
    }
}
