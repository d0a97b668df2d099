using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// The subgraph within Depth hops of a centre entity.
/// <para>
/// Algorithm: breadth-first search, one reader call per level. New entities of a level are admitted
/// in name order until MaxEntities is reached (then MAX_RESULTS and the search stops). The
/// relationships returned are those followed between admitted entities, deduplicated by name.
/// Complexity: O(V + E) time and space over the explored part (E bounded by the expansion budget),
/// Depth reader calls plus one to fetch the entities.
/// </para>
/// </summary>
internal static class NeighborhoodExplorer
{
    public sealed record Result(IReadOnlyDictionary<string, int> Distances, IReadOnlyList<Relationship> Relationships);

    public static async Task<Result> ExploreAsync(IGraphReader reader, NeighborhoodQuery query, TraversalBudgetTracker budget, CancellationToken cancellationToken)
    {
        var distance = new Dictionary<string, int>(StringComparer.Ordinal) { [query.Center] = 0 };
        var followed = new SortedDictionary<string, Relationship>(StringComparer.Ordinal);
        var frontier = new HashSet<string>(StringComparer.Ordinal) { query.Center };

        for (var level = 1; level <= query.Depth && frontier.Count > 0; level++)
        {
            var steps = await FrontierExpander.ExpandAsync(reader, frontier, query.Direction, query.RelationshipTypes, query.AsOf, Exclusions.None, budget, cancellationToken).ConfigureAwait(false);
            var discovered = steps.Select(s => s.To).Where(e => !distance.ContainsKey(e)).Distinct().Order(StringComparer.Ordinal).ToList();
            var room = Math.Max(0, query.MaxEntities - distance.Count);
            if (discovered.Count > room) budget.Hit(Bound.MaxResults);
            var admitted = discovered.Take(room).ToHashSet(StringComparer.Ordinal);
            foreach (var entity in admitted) distance[entity] = level;
            foreach (var step in steps)
                if (distance.ContainsKey(step.To)) followed[step.RelationshipName] = step.Relationship;
            if (budget.Stopped || discovered.Count > room) break;
            frontier = admitted;
        }
        return new Result(distance, [.. followed.Values]);
    }
}
