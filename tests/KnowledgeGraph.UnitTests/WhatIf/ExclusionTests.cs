using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.UnitTests.Traversal;
using KnowledgeGraph.V1;
using Xunit;
using static KnowledgeGraph.UnitTests.Traversal.InMemoryGraph;
using static KnowledgeGraph.UnitTests.Traversal.Queries;

namespace KnowledgeGraph.UnitTests.WhatIf;

/// <summary>What-if questions on small graphs, computed by hand: excluded entities and relationships are treated as gone.</summary>
public sealed class ExclusionTests
{
    /// <summary>jp depends on a (1/2) and b (1/4); both depend on z (1/2): z = 1/4 + 1/8.</summary>
    private static InMemoryGraph Diamond() => new InMemoryGraph()
        .Edge("ja", "DEPENDS_ON", "jp", "a", share: 0.5).Edge("jb", "DEPENDS_ON", "jp", "b", share: 0.25)
        .Edge("az", "DEPENDS_ON", "a", "z", share: 0.5).Edge("bz", "DEPENDS_ON", "b", "z", share: 0.5);

    private static Task<TraceResult> Trace(IGraphReader graph, TraceQuery query) =>
        GraphTraversal.TraceDependenciesAsync(graph, query, GraphOntology.Default, CancellationToken.None);

    private static Task<PathsResult> Paths(IGraphReader graph, PathQuery query) =>
        GraphTraversal.FindPathsAsync(graph, query, GraphOntology.Default, CancellationToken.None);

    private static Exclusions Without(params string[] names) => Exclusions.Of(names);

    private static Dictionary<string, double> Exposures(TraceResult result) =>
        result.Dependencies.ToDictionary(d => d.Entity.Name["entities/".Length..], d => d.ExposureLower);

    [Fact]
    public async Task Excluding_an_entity_removes_it_and_every_route_through_it()
    {
        var result = await Trace(Diamond(), Queries.Trace("jp") with { Exclude = Without(E("a")) });

        Assert.Equal(new Dictionary<string, double> { ["b"] = 0.25, ["z"] = 0.125 }, Exposures(result));
        Assert.Equal(["jb,bz"], result.Dependencies.Single(d => d.Entity.Name == E("z")).Routes.Select(r => Ids(r.Path)));
    }

    [Fact]
    public async Task Excluding_a_relationship_removes_only_that_hop()
    {
        var result = await Trace(Diamond(), Queries.Trace("jp") with { Exclude = Without(R("bz")) });

        Assert.Equal(new Dictionary<string, double> { ["a"] = 0.5, ["b"] = 0.25, ["z"] = 0.25 }, Exposures(result));
    }

    [Fact]
    public async Task Compare_baseline_gives_every_dependency_with_and_without_and_lists_what_was_cut_off()
    {
        var result = await Trace(Diamond(), Queries.Trace("jp") with { Exclude = Without(E("a")), CompareBaseline = true });

        // b is untouched, z loses the route through a, a itself is gone: listed at 0 with its loss.
        Assert.Equal([E("b"), E("z"), E("a")], result.Dependencies.Select(d => d.Entity.Name));
        var changes = result.Dependencies.Select(d => (d.ExposureLower, d.Comparison.BaselineLower, d.Comparison.ChangeLower, d.Comparison.ChangeUpper)).ToList();
        Assert.Equal([(0.25, 0.25, 0.0, 0.0), (0.125, 0.375, -0.25, -0.25), (0.0, 0.5, -0.5, -0.5)], changes);
        Assert.Empty(result.Dependencies[2].Routes);
        Assert.Equal(2 + 4, result.Outcome.ExpandedRelationships);
    }

    [Fact]
    public async Task Compare_baseline_without_exclusions_compares_the_trace_with_itself()
    {
        var result = await Trace(Diamond(), Queries.Trace("jp") with { CompareBaseline = true });

        Assert.All(result.Dependencies, d => Assert.Equal((d.ExposureLower, 0.0), (d.Comparison.BaselineLower, d.Comparison.ChangeLower)));
        Assert.Equal(4, result.Outcome.ExpandedRelationships);
    }

    [Fact]
    public async Task Excluding_a_branch_of_unknown_share_lowers_the_upper_bound_only()
    {
        var graph = new InMemoryGraph()
            .Edge("ja", "DEPENDS_ON", "jp", "a", share: 0.5).Edge("jb", "DEPENDS_ON", "jp", "b")
            .Edge("az", "DEPENDS_ON", "a", "z", share: 0.5).Edge("bz", "DEPENDS_ON", "b", "z", share: 0.5);

        var result = await Trace(graph, Queries.Trace("jp") with { Exclude = Without(E("b")), CompareBaseline = true });

        var z = result.Dependencies.Single(d => d.Entity.Name == E("z"));
        Assert.Equal((0.25, 0.25, 0.25, 0.75), (z.ExposureLower, z.ExposureUpper, z.Comparison.BaselineLower, z.Comparison.BaselineUpper));
        Assert.Equal((0.0, -0.5), (z.Comparison.ChangeLower, z.Comparison.ChangeUpper));
    }

    [Fact]
    public async Task Paths_avoid_excluded_entities_and_relationships()
    {
        var graph = Diamond();

        var all = await Paths(graph, Path("jp", "z"));
        var withoutA = await Paths(graph, Path("jp", "z") with { Exclude = Without(E("a")) });
        var withoutBz = await Paths(graph, Path("jp", "z", PathMode.AllSimple) with { Exclude = Without(R("bz")) });
        var withoutBoth = await Paths(graph, Path("jp", "z", PathMode.KShortest) with { Exclude = Without(E("a"), E("b")) });

        Assert.Equal(["ja,az", "jb,bz"], all.Paths.Select(Ids));
        Assert.Equal(["jb,bz"], withoutA.Paths.Select(Ids));
        Assert.Equal(["ja,az"], withoutBz.Paths.Select(Ids));
        Assert.Empty(withoutBoth.Paths);
    }

    [Fact]
    public async Task Excluded_relationships_do_not_use_up_the_expansion_budget_or_hide_the_ones_after_them()
    {
        // jp has ten relationships named before the one that matters; the reader returns at most budget + 1 per call.
        var graph = new InMemoryGraph();
        for (var i = 0; i < 10; i++) graph.Edge($"a{i}", "DEPENDS_ON", "jp", $"x{i}", share: 0.5);
        graph.Edge("z", "DEPENDS_ON", "jp", "target", share: 0.5);
        var excluded = Without([.. Enumerable.Range(0, 10).Select(i => R($"a{i}"))]);

        var result = await Trace(graph, Queries.Trace("jp", budget: Expansions(2)) with { Exclude = excluded });

        Assert.Equal([E("target")], result.Dependencies.Select(d => d.Entity.Name));
        Assert.False(result.Outcome.Truncated);
        Assert.Equal(1, result.Outcome.ExpandedRelationships);
    }
}
