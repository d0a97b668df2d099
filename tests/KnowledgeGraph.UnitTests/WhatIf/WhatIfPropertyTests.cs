using CsCheck;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.UnitTests.Traversal;
using KnowledgeGraph.V1;
using Xunit;
using static KnowledgeGraph.UnitTests.Traversal.InMemoryGraph;

namespace KnowledgeGraph.UnitTests.WhatIf;

/// <summary>Exposure intervals, exclusions and chokepoints on random small dependency graphs with some shares unknown.</summary>
public sealed class WhatIfPropertyTests
{
    private const double Tolerance = 1e-9;

    /// <summary>Nodes n0..n(count-1); each edge says From depends on To with a share (null: unknown). n0 is the root.</summary>
    public sealed record DependencyGraph(int Count, (int From, int To, double? Share)[] Edges, int MaxDepth)
    {
        public bool AllWeightsKnown => Edges.All(e => e.Share.HasValue);

        public InMemoryGraph ToReader()
        {
            var graph = new InMemoryGraph();
            for (var i = 0; i < Count; i++) graph.Entity($"n{i}");
            for (var i = 0; i < Edges.Length; i++) graph.Edge($"e{i:00}", "DEPENDS_ON", $"n{Edges[i].From}", $"n{Edges[i].To}", share: Edges[i].Share);
            return graph;
        }

        /// <summary>The exposure of every entity reached, by plain depth-first enumeration of simple routes: the sum of the share products, capped at 1.</summary>
        public Dictionary<string, double> ExposureByEnumeration()
        {
            var sums = new Dictionary<string, double>();
            var visited = new HashSet<int> { 0 };
            Visit(0, 1.0, 0);
            return sums.ToDictionary(s => s.Key, s => Math.Min(1.0, s.Value));

            void Visit(int node, double product, int depth)
            {
                if (depth == MaxDepth) return;
                foreach (var (from, to, share) in Edges)
                {
                    if (from != node || !visited.Add(to)) continue;
                    var next = product * share!.Value;
                    sums[E($"n{to}")] = sums.GetValueOrDefault(E($"n{to}")) + next;
                    Visit(to, next, depth + 1);
                    visited.Remove(to);
                }
            }
        }
    }

    private static readonly Gen<double?> Shares = Gen.OneOf<double?>(null, 0.25, 0.5, 0.75, 1.0);

    private static Gen<DependencyGraph> Graphs(Gen<double?> shares) =>
        from count in Gen.Int[2, 7]
        from edges in Gen.Select(Gen.Int[0, count - 1], Gen.Int[0, count - 1], shares).Array[0, 14]
        from maxDepth in Gen.Int[1, 5]
        select new DependencyGraph(count, edges, maxDepth);

    private static Task<TraceResult> Trace(DependencyGraph graph, Exclusions exclude) =>
        GraphTraversal.TraceDependenciesAsync(graph.ToReader(), Queries.Trace("n0", maxDepth: graph.MaxDepth) with { Exclude = exclude }, GraphOntology.Default, CancellationToken.None);

    [Fact]
    public Task Removing_an_entity_never_raises_any_bound() =>
        Gen.Select(Graphs(Shares), Gen.Int[1, 6]).SampleAsync(async t =>
        {
            var (graph, removed) = t;
            var before = (await Trace(graph, Exclusions.None)).Dependencies.ToDictionary(d => d.Entity.Name);
            var after = await Trace(graph, Exclusions.Of([E($"n{1 + (removed - 1) % (graph.Count - 1)}")]));
            foreach (var dependency in after.Dependencies)
            {
                var was = before[dependency.Entity.Name];
                Assert.True(dependency.ExposureUpper <= was.ExposureUpper + Tolerance, $"{dependency.Entity.Name}: upper {dependency.ExposureUpper} > {was.ExposureUpper}");
                Assert.True(dependency.ExposureLower <= was.ExposureLower + Tolerance, $"{dependency.Entity.Name}: lower {dependency.ExposureLower} > {was.ExposureLower}");
            }
        }, iter: 300);

    [Fact]
    public Task With_every_share_known_the_interval_closes_on_the_enumerated_exposure() =>
        Graphs(Gen.OneOf<double?>(0.25, 0.5, 0.75, 1.0)).SampleAsync(async graph =>
        {
            var expected = graph.ExposureByEnumeration();
            var result = await Trace(graph, Exclusions.None);
            Assert.Equal(expected.Keys.Order(), result.Dependencies.Select(d => d.Entity.Name).Order());
            foreach (var dependency in result.Dependencies)
            {
                Assert.Equal(expected[dependency.Entity.Name], dependency.ExposureLower, Tolerance);
                Assert.Equal(dependency.ExposureLower, dependency.ExposureUpper, Tolerance);
                Assert.Equal(dependency.ExposureLower, dependency.Exposure);
                Assert.True(dependency.Quantified);
            }
        }, iter: 300);

    [Fact]
    public Task Each_chokepoint_costs_what_a_trace_without_it_loses() =>
        Graphs(Shares).SampleAsync(async graph =>
        {
            var query = new ChokepointQuery(Queries.Trace("n0", maxDepth: graph.MaxDepth, maxRoutes: ChokepointAnalysis.RoutesPerCandidate), MaxResults: 100);
            var result = await GraphTraversal.FindChokepointsAsync(graph.ToReader(), query, GraphOntology.Default, TimeProvider.System, CancellationToken.None);
            var baseline = await Trace(graph, Exclusions.None);
            Assert.Equal(baseline.Dependencies.Count, result.Reached);
            Assert.Equal(baseline.Dependencies.Sum(d => d.ExposureUpper), result.TotalUpper, Tolerance);
            foreach (var chokepoint in result.Chokepoints)
            {
                var without = await Trace(graph, Exclusions.Of([chokepoint.Entity.Name]));
                // Where the weights are all known (the lower world) and where every unknown weight is 1 (the upper
                // world), the trace without the candidate loses an amount inside the candidate's interval.
                var lostWhereKnown = result.TotalLower - without.Dependencies.Sum(d => d.ExposureLower);
                var lostWhereUnknownIsOne = result.TotalUpper - without.Dependencies.Sum(d => d.ExposureUpper);
                Assert.True(chokepoint.ExposureLostLower <= chokepoint.ExposureLostUpper + Tolerance, $"{chokepoint.Entity.Name}: {chokepoint.ExposureLostLower} > {chokepoint.ExposureLostUpper}");
                Assert.InRange(lostWhereKnown, chokepoint.ExposureLostLower - Tolerance, chokepoint.ExposureLostUpper + Tolerance);
                Assert.InRange(lostWhereUnknownIsOne, chokepoint.ExposureLostLower - Tolerance, chokepoint.ExposureLostUpper + Tolerance);
                if (graph.AllWeightsKnown)
                    Assert.Equal((lostWhereKnown, lostWhereKnown), (chokepoint.ExposureLostLower, chokepoint.ExposureLostUpper), new TolerantPair(Tolerance));
                Assert.Equal(result.Reached - without.Dependencies.Count, chokepoint.ReachLost);
            }
        }, iter: 200);

    private sealed class TolerantPair(double tolerance) : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) a, (double, double) b) => Math.Abs(a.Item1 - b.Item1) <= tolerance && Math.Abs(a.Item2 - b.Item2) <= tolerance;

        public int GetHashCode((double, double) value) => 0;
    }
}
