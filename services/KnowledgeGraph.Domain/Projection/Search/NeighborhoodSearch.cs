using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Projection.Search;

/// <summary>
/// The entities within Depth hops of a centre and the relationships followed among them, on the
/// projection, with the meaning of the store-backed <see cref="NeighborhoodExplorer"/>: breadth-first,
/// each level's new entities admitted in name order until MaxEntities (then MAX_RESULTS).
/// Complexity: O(V + E) over the explored part, E bounded by the expansion budget.
/// </summary>
public static class NeighborhoodSearch
{
    public static ProjectedNeighborhood Explore(ProjectionVersion graph, int center, EdgeFilter filter, int depth, int maxEntities, TraversalBudgetTracker budget)
    {
        var distance = new Dictionary<int, int> { [center] = 0 };
        var followed = new HashSet<int>();
        var steps = new List<Step>();
        List<int> frontier = [center];
        var byName = Comparer<int>.Create((a, b) => string.CompareOrdinal(graph.EntityName(a), graph.EntityName(b)));

        for (var level = 1; level <= depth && frontier.Count > 0; level++)
        {
            if (budget.DeadlineReached()) break;
            var reached = new List<Step>();
            var stopped = false;
            foreach (var node in frontier)
            {
                stopped = !Expansion.Expand(graph, node, filter, steps, budget, ordered: false);
                reached.AddRange(steps);
                if (stopped) break;
            }
            var discovered = reached.Select(s => s.To).Where(e => !distance.ContainsKey(e)).Distinct().Order(byName).ToList();
            var room = Math.Max(0, maxEntities - distance.Count);
            if (discovered.Count > room) budget.Hit(Bound.MaxResults);
            var admitted = discovered.Take(room).ToList();
            foreach (var entity in admitted) distance[entity] = level;
            foreach (var step in reached)
                if (distance.ContainsKey(step.To)) followed.Add(step.Relationship);
            if (stopped || discovered.Count > room) break;
            frontier = admitted;
        }
        return new ProjectedNeighborhood([.. distance.Select(p => (p.Key, p.Value))], [.. followed]);
    }
}
