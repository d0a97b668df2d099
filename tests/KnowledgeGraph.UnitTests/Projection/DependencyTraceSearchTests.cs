using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Projection;
using KnowledgeGraph.Domain.Projection.Search;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.V1;
using Xunit;
using static KnowledgeGraph.UnitTests.Projection.ProjectedGraphs;

namespace KnowledgeGraph.UnitTests.Projection;

/// <summary>
/// A trace reads an entity's steps when a route ending there is first extended, so a level that the
/// route cap halts reads nothing for the entities it never reaches: at 1M x 5M a depth-4 trace
/// is halted in its last level, whose entities it read in full before.
/// </summary>
public sealed class DependencyTraceSearchTests
{
    private const int Middles = 5;
    private const int FanOut = 10;

    [Fact]
    public void A_level_halted_by_the_route_cap_reads_only_the_entities_its_routes_reached()
    {
        // root -> m0..m4, each m -> 10 suppliers. The cap of 17 routes allows the 5 routes of the
        // first level, then m0's 10 and two of m1's: m2..m4's steps are never needed.
        var graph = Fan();
        using var budget = new TraversalBudgetTracker(new TraversalBudget(1000, null) { MaxPartialPaths = Middles + FanOut + 2 }, TimeProvider.System);

        using var routes = DependencyTraceSearch.Trace(graph, graph.FindEntity(ResourceNames.Entity("root")),
            EdgeFilter.Following(DefaultSchema.AllTypes, outgoing: true, incoming: false, AsOf), maxDepth: 3, minExposure: 0, budget);

        Assert.Equal(Middles + FanOut + 2, routes.Count);
        var ends = Enumerable.Range(1, routes.Count).Select(r => graph.EntityName(routes.End(r)).Replace("entities/", "")).ToList();
        Assert.Equal([.. Enumerable.Range(0, Middles).Select(m => $"m{m}"), .. Enumerable.Range(0, FanOut).Select(s => $"s0-{s}"), "s1-0", "s1-1"], ends);
        Assert.Equal([Bound.MaxExpansions], budget.BoundsHit);
        Assert.Equal(Middles + 2 * FanOut, budget.ExpandedRelationships);
    }

    [Fact]
    public void A_trace_within_its_caps_reads_every_entity_it_reaches_and_reports_the_depth()
    {
        var graph = Fan();
        using var budget = new TraversalBudgetTracker(new TraversalBudget(1000, null), TimeProvider.System);

        using var routes = DependencyTraceSearch.Trace(graph, graph.FindEntity(ResourceNames.Entity("root")),
            EdgeFilter.Following(DefaultSchema.AllTypes, outgoing: true, incoming: false, AsOf), maxDepth: 1, minExposure: 0, budget);

        Assert.Equal(Middles, routes.Count);
        Assert.Equal([Bound.MaxDepth], budget.BoundsHit);
        Assert.Equal(Middles + Middles * FanOut, budget.ExpandedRelationships);
    }

    private static ProjectionVersion Fan()
    {
        var loader = new ProjectionLoader(DefaultSchema);
        var middles = Enumerable.Range(0, Middles).Select(m => $"m{m}").ToList();
        var suppliers = middles.SelectMany((_, m) => Enumerable.Range(0, FanOut).Select(s => $"s{m}-{s}")).ToList();
        foreach (var id in new[] { "root" }.Concat(middles).Concat(suppliers).Order(StringComparer.Ordinal))
            loader.Add(Company(id));
        var relationships = middles.Select((m, i) => Supplies($"a{i}", "root", m))
            .Concat(middles.SelectMany((m, i) => Enumerable.Range(0, FanOut).Select(s => Supplies($"b{i}-{s:00}", m, $"s{i}-{s}"))));
        foreach (var relationship in relationships.OrderBy(r => r.Name, StringComparer.Ordinal)) loader.Add(relationship);
        return loader.Build(position: 1);
    }
}
