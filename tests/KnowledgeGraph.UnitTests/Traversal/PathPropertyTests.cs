using CsCheck;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.V1;
using Xunit;
using static KnowledgeGraph.UnitTests.Traversal.Queries;

namespace KnowledgeGraph.UnitTests.Traversal;

/// <summary>FindPaths on random small graphs against plain breadth- and depth-first searches written here.</summary>
public sealed class PathPropertyTests
{
    /// <summary>A random graph: nodes n0..n(count-1), edges e00.. between them (self-loops and parallel edges included).</summary>
    public sealed record RandomGraph(int Count, (int From, int To)[] Edges, Direction Direction, int MaxDepth)
    {
        public string Source => "n0";
        public string Target => $"n{Count - 1}";

        public InMemoryGraph ToReader()
        {
            var graph = new InMemoryGraph();
            for (var i = 0; i < Count; i++) graph.Entity($"n{i}");
            for (var i = 0; i < Edges.Length; i++) graph.Edge($"e{i:00}", "SUPPLIES", $"n{Edges[i].From}", $"n{Edges[i].To}");
            return graph;
        }

        /// <summary>(edge id, next node) pairs leaving a node, as the direction allows.</summary>
        public IEnumerable<(string Edge, string Next)> Steps(string node)
        {
            for (var i = 0; i < Edges.Length; i++)
            {
                var (from, to) = ($"n{Edges[i].From}", $"n{Edges[i].To}");
                if (from == to) continue;
                if (Direction is Direction.Outgoing or Direction.Both && from == node) yield return ($"e{i:00}", to);
                if (Direction is Direction.Incoming or Direction.Both && to == node) yield return ($"e{i:00}", from);
            }
        }

        public int? BreadthFirstDistance()
        {
            var distance = new Dictionary<string, int> { [Source] = 0 };
            var queue = new Queue<string>([Source]);
            while (queue.Count > 0)
            {
                var node = queue.Dequeue();
                foreach (var (_, next) in Steps(node))
                    if (distance.TryAdd(next, distance[node] + 1)) queue.Enqueue(next);
            }
            return distance.TryGetValue(Target, out var d) && d <= MaxDepth ? d : null;
        }

        /// <summary>Every simple path up to MaxDepth as its edge ids, by length then names.</summary>
        public List<string> AllSimplePaths()
        {
            var found = new List<List<string>>();
            var walk = new List<string>();
            var visited = new HashSet<string> { Source };
            Visit(Source);
            return [.. found.OrderBy(p => (IReadOnlyList<string>)p, PathOrder.Instance).Select(p => string.Join(",", p))];

            void Visit(string node)
            {
                if (node == Target)
                {
                    found.Add([.. walk]);
                    return;
                }
                if (walk.Count == MaxDepth) return;
                foreach (var (edge, next) in Steps(node))
                {
                    if (!visited.Add(next)) continue;
                    walk.Add(edge);
                    Visit(next);
                    walk.RemoveAt(walk.Count - 1);
                    visited.Remove(next);
                }
            }
        }
    }

    private static readonly Gen<RandomGraph> Graphs =
        from count in Gen.Int[2, 7]
        from edges in Gen.Select(Gen.Int[0, count - 1], Gen.Int[0, count - 1]).Array[0, 14]
        from direction in Gen.Int[1, 3].Select(d => (Direction)d)
        from maxDepth in Gen.Int[1, 6]
        select new RandomGraph(count, edges, direction, maxDepth);

    private static Task<PathsResult> Find(RandomGraph graph, PathMode mode, int maxPaths) =>
        GraphTraversal.FindPathsAsync(graph.ToReader(), Path(graph.Source, graph.Target, mode, graph.MaxDepth, maxPaths, graph.Direction), GraphOntology.Default, CancellationToken.None);

    [Fact]
    public Task Shortest_path_length_matches_breadth_first_search() =>
        Graphs.SampleAsync(async graph =>
        {
            var expected = graph.BreadthFirstDistance();
            foreach (var mode in new[] { PathMode.Shortest, PathMode.KShortest, PathMode.AllSimple })
            {
                var response = await Find(graph, mode, maxPaths: 10);
                if (expected is null) Assert.Empty(response.Paths);
                else Assert.Equal(expected, response.Paths[0].Hops.Count);
                if (mode == PathMode.Shortest) Assert.All(response.Paths, p => Assert.Equal(expected, p.Hops.Count));
            }
        }, iter: 300);

    [Fact]
    public Task Simple_path_modes_return_the_first_simple_paths_and_never_repeat_an_entity() =>
        Graphs.SampleAsync(async graph =>
        {
            var expected = graph.AllSimplePaths();
            foreach (var mode in new[] { PathMode.Shortest, PathMode.KShortest, PathMode.AllSimple })
            {
                var response = await Find(graph, mode, maxPaths: 20);
                foreach (var path in response.Paths)
                {
                    var visits = Visits(path).Split('>');
                    Assert.Equal(visits.Length, visits.Distinct().Count());
                    Assert.Equal(graph.Target, visits[^1]);
                }
                if (mode == PathMode.Shortest) continue;
                Assert.Equal(expected.Take(20), response.Paths.Select(Ids));
                Assert.Equal(expected.Count > 20, response.Outcome.BoundsHit.Contains(Bound.MaxResults));
            }
        }, iter: 300);
}
