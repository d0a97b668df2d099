using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// The part of the graph a bounded path search can touch: every step leaving an entity within
/// MaxDepth - 1 hops of the source, loaded breadth-first with one reader call per level.
/// </summary>
internal sealed class BoundedGraph
{
    public required IReadOnlyDictionary<string, IReadOnlyList<TraversalStep>> StepsFrom { get; init; }

    /// <summary>Entities first reached at exactly MaxDepth hops (their steps were not loaded).</summary>
    public required IReadOnlySet<string> UnexpandedAtMaxDepth { get; init; }

    public IReadOnlyList<TraversalStep> From(string entity) => StepsFrom.GetValueOrDefault(entity) ?? [];

    public static async Task<BoundedGraph> LoadAsync(IGraphReader reader, PathQuery query, TraversalBudgetTracker budget, CancellationToken cancellationToken)
    {
        var stepsFrom = new Dictionary<string, IReadOnlyList<TraversalStep>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { query.Source };
        var frontier = new HashSet<string>(StringComparer.Ordinal) { query.Source };
        for (var level = 1; level <= query.MaxDepth && frontier.Count > 0; level++)
        {
            var steps = await FrontierExpander.ExpandAsync(reader, frontier, query.Direction, query.RelationshipTypes, query.AsOf, query.Exclude, budget, cancellationToken).ConfigureAwait(false);
            foreach (var group in steps.GroupBy(s => s.From, StringComparer.Ordinal))
                stepsFrom[group.Key] = [.. group.OrderBy(s => s.RelationshipName, StringComparer.Ordinal)];
            var next = new HashSet<string>(StringComparer.Ordinal);
            foreach (var step in steps)
                if (seen.Add(step.To)) next.Add(step.To);
            frontier = next;
            if (budget.Stopped) return new BoundedGraph { StepsFrom = stepsFrom, UnexpandedAtMaxDepth = new HashSet<string>() };
        }
        return new BoundedGraph { StepsFrom = stepsFrom, UnexpandedAtMaxDepth = frontier };
    }

    /// <summary>Hops from each entity to <paramref name="target"/> within the loaded steps (reverse breadth-first search).</summary>
    public IReadOnlyDictionary<string, int> DistancesTo(string target)
    {
        var into = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var step in StepsFrom.Values.SelectMany(s => s))
        {
            if (!into.TryGetValue(step.To, out var froms)) into[step.To] = froms = [];
            froms.Add(step.From);
        }
        var distance = new Dictionary<string, int>(StringComparer.Ordinal) { [target] = 0 };
        var queue = new Queue<string>([target]);
        while (queue.Count > 0)
        {
            var entity = queue.Dequeue();
            foreach (var from in into.GetValueOrDefault(entity) ?? [])
            {
                if (distance.ContainsKey(from)) continue;
                distance[from] = distance[entity] + 1;
                queue.Enqueue(from);
            }
        }
        return distance;
    }
}
