using CsCheck;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.V1;
using Xunit;
using static KnowledgeGraph.UnitTests.Traversal.InMemoryGraph;

namespace KnowledgeGraph.UnitTests.Traversal;

/// <summary>
/// The grouping keeps only each entity's best routes as they stream by, and the answer lists at most
/// max_results dependencies: both checked against the plain definition (every route sorted) and on
/// small graphs computed by hand.
/// </summary>
public sealed class TraceSelectionTests
{
    private static Task<TraceResult> Trace(IGraphReader graph, TraceQuery query) =>
        GraphTraversal.TraceDependenciesAsync(graph, query, GraphOntology.Default, CancellationToken.None);

    [Fact]
    public void Streaming_top_routes_equal_sorting_every_route()
    {
        // Routes as (entity, id, lower, upper, hops): few distinct weights, so contributions tie often and the id order decides.
        var routes = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 4], Gen.Int[1, 4], Gen.Bool).Array[0, 200];
        Gen.Select(routes, Gen.Int[1, 6], Gen.Int[0, 5]).Sample((generated, maxRoutes, listed) =>
        {
            var input = generated.Select((r, id) =>
            {
                var upper = r.Item2 / 4.0;
                return (Entity: r.Item1, Route: id, Contribution: new Contribution(r.Item4 ? upper : 0, upper, r.Item4), Hops: r.Item3);
            }).ToList();
            var hopsOf = input.ToDictionary(r => r.Route, r => r.Hops);
            var tie = Comparer<int>.Create((a, b) => hopsOf[a].CompareTo(hopsOf[b]) is var c and not 0 ? c : a.CompareTo(b));

            var (entities, reached, capped) = ExposureAggregator.Group(input, tie, Comparer<int>.Default, maxRoutes, minExposure: 0);
            var (first, reachedToo, cappedToo) = ExposureAggregator.Group(input, tie, Comparer<int>.Default, maxRoutes, minExposure: 0, listed);

            foreach (var group in input.GroupBy(r => r.Entity))
            {
                var all = group.ToList();
                var expected = all
                    .OrderByDescending(r => r.Contribution.Lower).ThenByDescending(r => r.Contribution.Upper).ThenBy(r => r.Hops).ThenBy(r => r.Route)
                    .Take(maxRoutes).Select(r => r.Route);
                var entity = Assert.Single(entities, e => e.Entity == group.Key);
                Assert.Equal(expected, entity.Routes);
                Assert.Equal(Math.Min(1, all.Sum(r => r.Contribution.Upper)), entity.Upper, 12);
                Assert.Equal(all.Sum(r => r.Contribution.Lower), entity.UncappedLower, 12);
                Assert.Equal(all.Min(r => r.Hops), entity.MinDepth);
                Assert.Equal(all.TrueForAll(r => r.Contribution.Quantified), entity.Quantified);
            }
            Assert.Equal(input.GroupBy(r => r.Entity).Any(g => g.Count() > maxRoutes), capped);
            // Listing only the first few gives the same first few, and the same count and cap.
            Assert.Equal(entities.Count, reached);
            var summary = (ReachedEntity<int, int> e) => (e.Entity, e.Lower, e.Upper, e.MinDepth, string.Join(',', e.Routes));
            Assert.Equal(entities.Take(listed).Select(summary), first.Select(summary));
            Assert.Equal((reached, capped), (reachedToo, cappedToo));
        });
    }

    /// <summary>jp depends on a (0.5), b (0.3), c (0.2); a on z (0.5): exposures a 0.5, b 0.3, z 0.25, c 0.2.</summary>
    private static InMemoryGraph Fan() => new InMemoryGraph()
        .Edge("ja", "DEPENDS_ON", "jp", "a", share: 0.5).Edge("jb", "DEPENDS_ON", "jp", "b", share: 0.3)
        .Edge("jc", "DEPENDS_ON", "jp", "c", share: 0.2).Edge("az", "DEPENDS_ON", "a", "z", share: 0.5);

    [Fact]
    public async Task Max_results_lists_the_largest_exposures_counts_the_rest_and_says_max_results()
    {
        var all = await Trace(Fan(), Queries.Trace("jp"));
        var cut = await Trace(Fan(), Queries.Trace("jp") with { MaxResults = 2 });

        Assert.Equal([E("a"), E("b"), E("z"), E("c")], all.Dependencies.Select(d => d.Entity.Name));
        Assert.Equal(4, all.Reached);
        Assert.False(all.Outcome.Truncated);
        Assert.Equal([E("a"), E("b")], cut.Dependencies.Select(d => d.Entity.Name));
        Assert.Equal(4, cut.Reached);
        Assert.Equal([Bound.MaxResults], cut.Outcome.BoundsHit);
        Assert.Equal(0.5, cut.Dependencies[0].ExposureLower, 12);
        Assert.Equal(0.3, cut.Dependencies[1].ExposureLower, 12);
    }

    [Fact]
    public async Task With_a_baseline_the_cut_keeps_the_order_and_every_listed_dependency_keeps_its_true_baseline()
    {
        // Without a: a and z are cut off (0, listed after b and c), b and c unchanged.
        var query = Queries.Trace("jp") with { Exclude = Exclusions.Of([E("a")]), CompareBaseline = true };

        var all = await Trace(Fan(), query);
        var cut = await Trace(Fan(), query with { MaxResults = 3 });

        Assert.Equal([E("b"), E("c"), E("a"), E("z")], all.Dependencies.Select(d => d.Entity.Name));
        Assert.Equal(4, all.Reached);
        Assert.Equal([E("b"), E("c"), E("a")], cut.Dependencies.Select(d => d.Entity.Name));
        Assert.Equal(4, cut.Reached);
        Assert.Contains(Bound.MaxResults, cut.Outcome.BoundsHit);
        var a = cut.Dependencies[2];
        Assert.Empty(a.Routes);
        Assert.Equal(0.5, a.Comparison.BaselineLower, 12);
        Assert.Equal(-0.5, a.Comparison.ChangeLower, 12);
        Assert.Equal(0.3, cut.Dependencies[0].Comparison.BaselineLower, 12);
        Assert.Equal(0.0, cut.Dependencies[0].Comparison.ChangeLower, 12);
    }
}
