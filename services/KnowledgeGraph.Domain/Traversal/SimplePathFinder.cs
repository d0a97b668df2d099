using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// The first MaxPaths simple paths (no repeated entity) of at most MaxDepth hops in
/// <see cref="PathOrder"/>: fewer hops first, then by relationship names. Serves K_SHORTEST (the k
/// shortest simple paths, ties broken by relationship names) and ALL_SIMPLE (all simple paths up
/// to MaxDepth, capped at MaxPaths; under the cap the shortest are kept, as a client would expect),
/// which therefore agree whenever both are capped the same way.
/// <para>
/// Algorithm: load the bounded graph breadth-first (one reader call per level), compute every
/// entity's distance to the target by a reverse BFS in memory, then for each length L from the
/// shortest distance up to MaxDepth run a depth-first enumeration of simple paths of exactly L
/// hops, extending only to entities not on the path whose distance to the target still fits in
/// the remaining hops. Relationships are tried in name order, so paths come out sorted and the
/// search stops after MaxPaths + 1.
/// </para>
/// <para>
/// Complexity: loading is O(V + E) time and space over the ball of radius MaxDepth - 1 (E bounded
/// by the expansion budget); enumeration holds one path (O(MaxDepth)) plus the results, and its time
/// is bounded by the partial-path budget because counting simple paths is #P-hard in general; the
/// distance pruning makes every extension able to reach the target in a walk of the right length,
/// so on graphs without tight cycles nearly every extension contributes to a result.
/// </para>
/// </summary>
internal static class SimplePathFinder
{
    public static async Task<IReadOnlyList<IReadOnlyList<TraversalStep>>> FindAsync(
        IGraphReader reader, PathQuery query, TraversalBudgetTracker budget, CancellationToken cancellationToken)
    {
        var graph = await BoundedGraph.LoadAsync(reader, query, budget, cancellationToken).ConfigureAwait(false);
        var toTarget = graph.DistancesTo(query.Target);
        var paths = new List<IReadOnlyList<TraversalStep>>();
        var prunedByDepth = false;
        var halted = false;

        if (query.Source != query.Target && toTarget.TryGetValue(query.Source, out var shortest))
        {
            var walk = new List<TraversalStep>();
            var onPath = new HashSet<string>(StringComparer.Ordinal) { query.Source };
            for (var length = shortest; length <= query.MaxDepth && paths.Count <= query.MaxPaths && !halted; length++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Walk(query.Source, length);
            }

            void Walk(string entity, int length)
            {
                if (walk.Count == length)
                {
                    if (entity == query.Target) paths.Add([.. walk]);
                    return;
                }
                foreach (var step in graph.From(entity))
                {
                    if (paths.Count > query.MaxPaths || halted) return;
                    if (onPath.Contains(step.To) || !toTarget.TryGetValue(step.To, out var remaining)) continue;
                    if (walk.Count + 1 + remaining > length)
                    {
                        if (length == query.MaxDepth) prunedByDepth = true;
                        continue;
                    }
                    if (step.To == query.Target && walk.Count + 1 != length) continue;
                    if (!budget.TryExtendPartialPath())
                    {
                        halted = true;
                        return;
                    }
                    walk.Add(step);
                    onPath.Add(step.To);
                    Walk(step.To, length);
                    onPath.Remove(step.To);
                    walk.RemoveAt(walk.Count - 1);
                }
            }
        }

        if (paths.Count > query.MaxPaths)
        {
            paths.RemoveAt(paths.Count - 1);
            budget.Hit(Bound.MaxResults);
        }
        else if (!budget.Stopped && (prunedByDepth || graph.UnexpandedAtMaxDepth.Except([query.Target]).Any()))
        {
            budget.Hit(Bound.MaxDepth);
        }
        return paths;
    }
}
