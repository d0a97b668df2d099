using CsCheck;
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
/// The bidirectional search finds every shortest path, in path order, whether its edges are in the
/// base, in the overlay of writes on top of it, or in a base compacted from both. It grows the side
/// with fewer edges to read: the benchmark at 1,000,000 × 5,000,000 lost 2 of 200 pairs to
/// MAX_EXPANSIONS when it grew the side with fewer nodes, because a frontier of one hub with 154,251
/// relationships had as few nodes as the other side's frontier of one.
/// </summary>
public sealed class ShortestPathSearchTests
{
    private const int HubFanOut = 3000;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_path_through_a_hub_larger_than_the_budget_is_found_by_meeting_at_the_hub(bool hubNextToTarget)
    {
        // source -> a -> hub -> target, and the hub supplies 3,000 more companies; the budget is 1,000
        // relationships. Mirrored, the hub sits next to the source: source -> hub -> a -> target, and
        // 3,000 more companies supply the hub.
        var loader = new ProjectionLoader(DefaultSchema);
        foreach (var id in new[] { "source", "a", "hub", "target" }.Concat(Enumerable.Range(0, HubFanOut).Select(i => $"x{i:0000}")))
            loader.Add(Company(id));
        var chain = hubNextToTarget ? new[] { "source", "a", "hub", "target" } : ["source", "hub", "a", "target"];
        var relationships = chain.Zip(chain.Skip(1)).Select((hop, i) => Supplies($"z{i}", hop.First, hop.Second))
            .Concat(Enumerable.Range(0, HubFanOut).Select(i => hubNextToTarget ? Supplies($"f{i:0000}", "hub", $"x{i:0000}") : Supplies($"f{i:0000}", $"x{i:0000}", "hub")));
        foreach (var relationship in relationships.OrderBy(r => r.Name, StringComparer.Ordinal)) loader.Add(relationship);
        var graph = loader.Build(position: 1);
        using var budget = new TraversalBudgetTracker(new TraversalBudget(1000, null), TimeProvider.System);

        var paths = ShortestPathSearch.Find(graph, graph.FindEntity(ResourceNames.Entity("source")), graph.FindEntity(ResourceNames.Entity("target")),
            EdgeFilter.Following(DefaultSchema.AllTypes, outgoing: true, incoming: false, AsOf), maxDepth: 6, maxPaths: 10, budget);

        var path = Assert.Single(paths);
        Assert.Equal(chain.Skip(1).Select(ResourceNames.Entity), path.Hops.Select(h => graph.EntityName(h.To)));
        Assert.Empty(budget.BoundsHit);
        Assert.True(budget.ExpandedRelationships < 10, $"read {budget.ExpandedRelationships} relationships");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_shortest_path_through_a_hub_is_found_in_name_order_without_reading_the_hub(bool hubNextToTarget)
    {
        // Three routes of two hops from the source to the hub, then the hub to the target; the hub also
        // supplies (or is supplied by) 3,000 other companies. The searches meet at the hub without
        // expanding it, and the paths are marked from the hops the searches took.
        var loader = new ProjectionLoader(DefaultSchema);
        var ids = new[] { "source", "m1", "m2", "m3", "hub", "target" }.Concat(Enumerable.Range(0, HubFanOut).Select(i => $"x{i:0000}"));
        foreach (var id in ids) loader.Add(Company(id));
        var middles = new[] { "m3", "m1", "m2" };
        var relationships = hubNextToTarget
            ? middles.SelectMany((m, i) => new[] { Supplies($"a{i}", "source", m), Supplies($"b{i}", m, "hub") }).Append(Supplies("c", "hub", "target"))
                .Concat(Enumerable.Range(0, HubFanOut).Select(i => Supplies($"f{i:0000}", "hub", $"x{i:0000}")))
            : middles.SelectMany((m, i) => new[] { Supplies($"a{i}", "hub", m), Supplies($"b{i}", m, "target") }).Append(Supplies("c", "source", "hub"))
                .Concat(Enumerable.Range(0, HubFanOut).Select(i => Supplies($"f{i:0000}", $"x{i:0000}", "hub")));
        foreach (var relationship in relationships.OrderBy(r => r.Name, StringComparer.Ordinal)) loader.Add(relationship);
        var graph = loader.Build(position: 1);
        var (source, target) = (graph.FindEntity(ResourceNames.Entity("source")), graph.FindEntity(ResourceNames.Entity("target")));
        var forward = EdgeFilter.Following(DefaultSchema.AllTypes, outgoing: true, incoming: false, AsOf);
        using var budget = new TraversalBudgetTracker(new TraversalBudget(100_000, null), TimeProvider.System);
        var fromSource = NodeMarks.Rent(graph.EntityIdLimit);
        var toTarget = NodeMarks.Rent(graph.EntityIdLimit);

        var meeting = ShortestPathSearch.Meet(graph, source, target, forward, maxDepth: 6, budget, fromSource, toTarget, SearchScratch.Rent())!.Value;
        var dag = ShortestPathDag.Mark(graph, meeting);
        var paths = dag.Walk(source, target, meeting.Distance, limit: 10);

        Assert.True(budget.ExpandedRelationships < 20, $"the search read {budget.ExpandedRelationships} relationships");
        var expected = hubNextToTarget
            ? new[] { "a0 b0 c", "a1 b1 c", "a2 b2 c" }
            : ["c a0 b0", "c a1 b1", "c a2 b2"];
        Assert.Equal(expected, paths.Select(p => string.Join(' ', p.Hops.Select(h => graph.RelationshipName(h.Relationship)[(ResourceNames.RelationshipsCollection.Length + 1)..]))));
        fromSource.Return();
        toTarget.Return();
    }

    [Fact]
    public void Every_shortest_path_is_found_in_path_order_through_the_base_the_overlay_and_a_compacted_base() =>
        Gen.Select(
                Gen.Select(Gen.Int[0, 6], Gen.Int[0, 6]).Array[0, 18],
                Gen.Select(Gen.Int[0, 30], Gen.Int[0, 6], Gen.Int[0, 6], Gen.Bool).Array[0, 10],
                Gen.Select(Gen.Int[0, 6], Gen.Int[0, 6], Gen.Int[1, 3], Gen.Int[1, 5]),
                Gen.Bool)
            .Sample((loaded, writes, question, compact) =>
            {
                // Relationships r000.. loaded into the base; writes then add, move or delete some (names
                // between and after them), and the result is searched as it is or compacted into a new base.
                var edges = loaded.Select((l, i) => ($"r{i:000}", l.Item1, l.Item2)).ToDictionary(e => e.Item1, e => (From: e.Item2, To: e.Item3));
                var loader = new ProjectionLoader(DefaultSchema);
                for (var i = 0; i < 7; i++) loader.Add(Company($"n{i}"));
                foreach (var (id, (from, to)) in edges.OrderBy(e => e.Key, StringComparer.Ordinal)) loader.Add(Supplies(id, $"n{from}", $"n{to}"));
                var graph = loader.Build(position: 1);
                foreach (var (number, from, to, delete) in writes)
                {
                    var id = $"r{number:000}";
                    if (delete) edges.Remove(id);
                    else edges[id] = (from, to);
                    graph = graph.WithRelationship(ResourceNames.Relationship(id), delete ? null : Supplies(id, $"n{from}", $"n{to}"));
                }
                if (compact) graph = graph.Compact();
                var (source, target, direction, maxDepth) = question;
                using var budget = new TraversalBudgetTracker(new TraversalBudget(100_000, null), TimeProvider.System);

                var found = ShortestPathSearch.Find(graph, graph.FindEntity(ResourceNames.Entity($"n{source}")), graph.FindEntity(ResourceNames.Entity($"n{target}")),
                    EdgeFilter.Following(DefaultSchema.AllTypes, outgoing: direction != 2, incoming: direction != 1, AsOf), maxDepth, maxPaths: 1000, budget);

                Assert.Equal(
                    ShortestPaths(edges, source, target, direction, maxDepth),
                    found.Select(p => string.Join(' ', p.Hops.Select(h => $"{graph.RelationshipName(h.Relationship)[(ResourceNames.RelationshipsCollection.Length + 1)..]}>n{graph.EntityName(h.To)[(ResourceNames.EntitiesCollection.Length + 2)..]}"))));
            });

    /// <summary>The shortest paths by brute force: every simple path within the depth, the shortest kept, in path order (relationship names hop by hop).</summary>
    private static List<string> ShortestPaths(Dictionary<string, (int From, int To)> edges, int source, int target, int direction, int maxDepth)
    {
        var paths = new List<List<(string Id, int To)>>();
        var walk = new List<(string Id, int To)>();
        var visited = new HashSet<int> { source };
        if (source != target) Visit(source);
        var shortest = paths.Select(p => p.Count).DefaultIfEmpty().Min();
        return [.. paths.Where(p => p.Count == shortest)
            .Select(p => string.Join(' ', p.Select(h => $"{h.Id}>n{h.To}")))
            .Order(StringComparer.Ordinal)];

        void Visit(int node)
        {
            if (node == target)
            {
                paths.Add([.. walk]);
                return;
            }
            if (walk.Count == maxDepth) return;
            foreach (var (id, (from, to)) in edges)
            {
                if (from == to) continue;
                // An edge is followed from its source when the direction is OUTGOING or BOTH, from its target when INCOMING or BOTH.
                var far = direction != 2 && from == node ? to : direction != 1 && to == node ? from : -1;
                if (far < 0 || !visited.Add(far)) continue;
                walk.Add((id, far));
                Visit(far);
                walk.RemoveAt(walk.Count - 1);
                visited.Remove(far);
            }
        }
    }
}
