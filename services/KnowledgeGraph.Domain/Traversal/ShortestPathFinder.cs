using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// Every shortest path (by hops) from the source to the target, at most MaxPaths, in
/// <see cref="PathOrder"/>.
/// <para>
/// Algorithm: breadth-first search one level at a time (one reader call per level), recording for
/// every entity the steps that first reached it from the previous level; this forms the DAG of all
/// shortest paths. The search stops at the level where the target appears. The DAG is then pruned
/// to the entities that lead to the target and walked depth-first with relationships in name
/// order, which yields paths already sorted and stops after MaxPaths + 1.
/// </para>
/// <para>
/// Complexity: O(V + E) time and space over the part of the graph within the shortest distance
/// (E bounded by the expansion budget), D reader calls for distance D, plus O(MaxPaths · D) to
/// emit the paths (every walk in the pruned DAG reaches the target, so none is wasted).
/// </para>
/// </summary>
internal static class ShortestPathFinder
{
    public static async Task<IReadOnlyList<IReadOnlyList<TraversalStep>>> FindAsync(
        IGraphReader reader, PathQuery query, TraversalBudgetTracker budget, CancellationToken cancellationToken)
    {
        var depthOf = new Dictionary<string, int>(StringComparer.Ordinal) { [query.Source] = 0 };
        var reachedBy = new Dictionary<string, List<TraversalStep>>(StringComparer.Ordinal);
        var frontier = new HashSet<string>(StringComparer.Ordinal) { query.Source };
        var found = false;

        for (var level = 1; level <= query.MaxDepth && frontier.Count > 0 && !found; level++)
        {
            var steps = await FrontierExpander.ExpandAsync(reader, frontier, query.Direction, query.RelationshipTypes, query.AsOf, query.Exclude, budget, cancellationToken).ConfigureAwait(false);
            var next = new HashSet<string>(StringComparer.Ordinal);
            foreach (var step in steps)
            {
                if (depthOf.TryGetValue(step.To, out var depth))
                {
                    if (depth != level) continue;
                }
                else
                {
                    depthOf[step.To] = level;
                    next.Add(step.To);
                }
                if (!reachedBy.TryGetValue(step.To, out var into)) reachedBy[step.To] = into = [];
                into.Add(step);
            }
            found = depthOf.ContainsKey(query.Target);
            if (budget.Stopped) break;
            frontier = next;
        }

        if (!found)
        {
            // The loop ran out of depth with entities still to expand: a path may lie beyond MaxDepth.
            if (!budget.Stopped && frontier.Count > 0) budget.Hit(Bound.MaxDepth);
            return [];
        }
        return Enumerate(query, reachedBy, budget);
    }

    private static IReadOnlyList<IReadOnlyList<TraversalStep>> Enumerate(
        PathQuery query, Dictionary<string, List<TraversalStep>> reachedBy, TraversalBudgetTracker budget)
    {
        var leadsToTarget = new HashSet<string>(StringComparer.Ordinal) { query.Target };
        var pending = new Stack<string>([query.Target]);
        var onward = new Dictionary<string, List<TraversalStep>>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var entity = pending.Pop();
            if (!reachedBy.TryGetValue(entity, out var into)) continue;
            foreach (var step in into)
            {
                if (!onward.TryGetValue(step.From, out var outOf)) onward[step.From] = outOf = [];
                outOf.Add(step);
                if (leadsToTarget.Add(step.From)) pending.Push(step.From);
            }
        }
        foreach (var outOf in onward.Values) outOf.Sort((a, b) => string.CompareOrdinal(a.RelationshipName, b.RelationshipName));

        var paths = new List<IReadOnlyList<TraversalStep>>();
        var walk = new List<TraversalStep>();
        Walk(query.Source);
        if (paths.Count > query.MaxPaths)
        {
            paths.RemoveAt(paths.Count - 1);
            budget.Hit(Bound.MaxResults);
        }
        return paths;

        void Walk(string entity)
        {
            if (entity == query.Target)
            {
                paths.Add([.. walk]);
                return;
            }
            foreach (var step in onward.GetValueOrDefault(entity) ?? [])
            {
                if (paths.Count > query.MaxPaths) return;
                walk.Add(step);
                Walk(step.To);
                walk.RemoveAt(walk.Count - 1);
            }
        }
    }
}
