using KnowledgeGraph.Protocol;
using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Bench.Generation;
using KnowledgeGraph.Bench.Reference;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Bench.Tests;

/// <summary>
/// The benchmark's questions in quick mode: on a generated graph with hubs, imported through
/// <c>kg import</c>, every FindPaths and TraceDependencies answer through gRPC equals the plain
/// reference, and so does the benchmark's own CSR peer. Nothing is timed.
/// </summary>
public sealed class GeneratedGraphAnswerTests(ImportedGraph imported) : IClassFixture<ImportedGraph>
{
    private const int PathDepth = 6;
    private const int TraceDepth = 4;

    private readonly GeneratedGraph _graph = imported.Graph;
    private readonly PlainReference _reference = new(imported.Graph, ImportedGraph.AsOf);
    private QueryService.QueryServiceClient Queries => imported.Cli.Services.Queries;

    [Fact]
    public void The_generated_graph_has_hubs()
    {
        var degrees = DegreeSummary.Of(_graph);
        Assert.True(degrees.MaxDegree >= 10 * degrees.MedianDegree, degrees.ToString());
    }

    [Theory]
    [InlineData(Direction.Outgoing)]
    [InlineData(Direction.Both)]
    public async Task FindPaths_shortest_answers_the_true_distance_with_a_real_path(Direction direction)
    {
        var both = direction == Direction.Both;
        var reachable = 0;
        foreach (var (source, target) in Pairs())
        {
            var expected = _reference.Distance(source, target, both, PathDepth);
            var response = await Queries.FindPathsAsync(new FindPathsRequest
            {
                Source = _graph.EntityName(source),
                Target = _graph.EntityName(target),
                Direction = direction,
                Mode = PathMode.Shortest,
                MaxDepth = PathDepth,
                AsOf = Timestamp.FromDateTimeOffset(ImportedGraph.AsOf),
            }, imported.ReadTheImport);

            var label = $"{_graph.EntityName(source)} -> {_graph.EntityName(target)} {direction}";
            AssertNoBudgetHit(response.BoundsHit, label);
            if (expected < 0)
            {
                Assert.True(response.Paths.Count == 0, $"{label}: no path within {PathDepth} hops, but one was returned");
                continue;
            }
            reachable++;
            Assert.True(response.Paths.Count > 0, $"{label}: the true distance is {expected}, no path was returned");
            foreach (var path in response.Paths)
            {
                Assert.Equal(expected, path.Hops.Count);
                AssertRealPath(path, source, target, both, label);
            }
        }
        Assert.True(reachable > 0, "no sampled pair was reachable: the test would prove nothing");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_benchmark_CSR_peer_gives_the_true_distance(bool both)
    {
        var bfs = new BidirectionalBfs(new CsrGraph(_graph, ImportedGraph.AsOf));
        foreach (var (source, target) in Pairs())
            Assert.Equal(_reference.Distance(source, target, both, PathDepth), bfs.Distance(source, target, both, PathDepth));
    }

    [Fact]
    public async Task TraceDependencies_upstream_exposure_equals_the_sum_over_every_simple_route()
    {
        var ontology = GraphOntology.Default;
        var withDependencies = 0;
        foreach (var root in Roots())
        {
            var expected = _reference.UpstreamExposure(root, TraceDepth, ontology);
            var response = await Queries.TraceDependenciesAsync(new TraceDependenciesRequest
            {
                Root = _graph.EntityName(root),
                Direction = TraceDirection.Upstream,
                MaxDepth = TraceDepth,
                MaxResults = Limits.MaxTraceResults,
                AsOf = Timestamp.FromDateTimeOffset(ImportedGraph.AsOf),
            }, imported.ReadTheImport);

            var label = _graph.EntityName(root);
            AssertNoBudgetHit(response.BoundsHit, label);
            // Every dependency is reached and counted; all are listed unless the answer says MAX_RESULTS.
            Assert.Equal(expected.Count, response.Reached);
            if (!response.BoundsHit.Contains(Bound.MaxResults) || response.Dependencies.Count == expected.Count)
                Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), response.Dependencies.Select(d => d.Entity.Name).Order(StringComparer.Ordinal));
            Assert.All(response.Dependencies, d => Assert.True(expected.ContainsKey(d.Entity.Name), $"{label}: {d.Entity.Name} is no dependency"));
            foreach (var dependency in response.Dependencies)
            {
                var (lower, upper) = expected[dependency.Entity.Name];
                Assert.True(Math.Abs(lower - dependency.ExposureLower) < 1e-9, $"{label} -> {dependency.Entity.Name}: lower {dependency.ExposureLower}, expected {lower}");
                Assert.True(Math.Abs(upper - dependency.ExposureUpper) < 1e-9, $"{label} -> {dependency.Entity.Name}: upper {dependency.ExposureUpper}, expected {upper}");
            }
            if (expected.Count > 0) withDependencies++;
        }
        Assert.True(withDependencies > 0, "no sampled root had dependencies: the test would prove nothing");
    }

    /// <summary>
    /// MAX_DEPTH says routes go on past the depth asked for, MAX_RESULTS that more paths or routes exist
    /// than are listed (distances and exposure sums still count them all); MAX_EXPANSIONS or DEADLINE
    /// would mean the search itself was cut short.
    /// </summary>
    private static void AssertNoBudgetHit(IEnumerable<Bound> bounds, string label)
    {
        var hit = bounds.Where(b => b is Bound.MaxExpansions or Bound.Deadline).ToList();
        Assert.True(hit.Count == 0, $"{label}: stopped at {string.Join(", ", hit)}");
    }

    /// <summary>Each hop follows a generated relationship valid at the as-of date, in a direction the question allows, from where the last hop ended.</summary>
    private void AssertRealPath(GraphPath path, int source, int target, bool both, string label)
    {
        var at = _graph.EntityName(source);
        Assert.Equal(at, path.Start.Name);
        foreach (var hop in path.Hops)
        {
            var j = int.Parse(hop.Relationship.Name["relationships/r".Length..]);
            Assert.True(_graph.IsValidAt(j, ImportedGraph.AsOf), $"{label}: {hop.Relationship.Name} is not valid at the as-of date");
            var (from, to) = hop.Direction == Direction.Outgoing
                ? (_graph.EntityName(_graph.Sources[j]), _graph.EntityName(_graph.Targets[j]))
                : (_graph.EntityName(_graph.Targets[j]), _graph.EntityName(_graph.Sources[j]));
            Assert.True(both || hop.Direction == Direction.Outgoing, $"{label}: {hop.Relationship.Name} taken {hop.Direction}");
            Assert.Equal(at, from);
            Assert.Equal(to, hop.Entity.Name);
            at = to;
        }
        Assert.Equal(_graph.EntityName(target), at);
    }

    /// <summary>Seeded random pairs of distinct entities, plus every pair among the ten largest hubs.</summary>
    private List<(int Source, int Target)> Pairs()
    {
        var random = new Random(5);
        var hubs = Hubs();
        return [.. Enumerable.Range(0, 120).Select(_ => (random.Next(_graph.EntityCount), random.Next(_graph.EntityCount))).Where(p => p.Item1 != p.Item2),
            .. hubs.SelectMany(a => hubs.Where(b => b != a).Select(b => (a, b)))];
    }

    /// <summary>Seeded random roots and the ten largest hubs.</summary>
    private List<int> Roots()
    {
        var random = new Random(6);
        return [.. Enumerable.Range(0, 25).Select(_ => random.Next(_graph.EntityCount)), .. Hubs()];
    }

    private List<int> Hubs()
    {
        var names = DegreeSummary.Of(_graph).TopHubs.Select(h => h.Name).ToHashSet();
        return [.. Enumerable.Range(0, _graph.EntityCount).Where(i => names.Contains(_graph.EntityName(i)))];
    }
}
