using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Projection.Search;

/// <summary>
/// The first MaxPaths simple paths (no repeated entity) of at most MaxDepth hops, in
/// <see cref="PathOrder"/>: K_SHORTEST and ALL_SIMPLE, with the same answers as the store-backed
/// <see cref="SimplePathFinder"/>.
/// <para>
/// Algorithm: a breadth-first search back from the target gives every node's distance to it (up to
/// MaxDepth); then, for each length L from the shortest distance up to MaxDepth, a depth-first
/// enumeration from the source in name order extends a path only to a node not on it whose
/// distance to the target still fits in the hops left. Paths therefore come out sorted, and the
/// search stops after MaxPaths + 1.
/// </para>
/// <para>
/// Complexity: O(V + E) for the distances over the ball of radius MaxDepth around the target; the
/// enumeration holds one path and is bounded by the partial-path budget (counting simple paths is
/// #P-hard), and the distance pruning makes nearly every extension reach the target.
/// </para>
/// </summary>
public static class SimplePathSearch
{
    public static IReadOnlyList<ProjectedPath> Find(ProjectionVersion graph, int source, int target, EdgeFilter forward, int maxDepth, int maxPaths, TraversalBudgetTracker budget)
    {
        if (source == target) return [];
        var toTarget = NodeMarks.Rent(graph.EntityIdLimit);
        var onPath = NodeMarks.Rent(graph.EntityIdLimit);
        try
        {
            var unexplored = Distances(graph, target, forward.Reversed, maxDepth, budget, toTarget);
            var paths = new List<ProjectedPath>();
            var prunedByDepth = false;
            if (toTarget.TryGet(source, out var shortest) && !budget.Stopped)
            {
                var buffers = Enumerable.Range(0, maxDepth + 1).Select(_ => new List<Step>()).ToArray();
                var hops = new List<ProjectedHop>(maxDepth);
                onPath.Set(source, 1);
                var halted = false;
                for (var length = shortest; length <= maxDepth && paths.Count <= maxPaths && !halted; length++)
                    Walk(source, length);

                void Walk(int node, int length)
                {
                    if (hops.Count == length)
                    {
                        if (node == target) paths.Add(new ProjectedPath(source, [.. hops]));
                        return;
                    }
                    var steps = buffers[hops.Count];
                    graph.Steps(node, forward, steps, ordered: true);
                    foreach (var step in steps)
                    {
                        if (paths.Count > maxPaths || halted) return;
                        if (onPath.Has(step.To) || !toTarget.TryGet(step.To, out var remaining)) continue;
                        if (hops.Count + 1 + remaining > length)
                        {
                            if (length == maxDepth) prunedByDepth = true;
                            continue;
                        }
                        if (step.To == target && hops.Count + 1 != length) continue;
                        if (!budget.TryExtendPartialPath())
                        {
                            halted = true;
                            return;
                        }
                        hops.Add(ProjectedHop.Of(step));
                        onPath.Set(step.To, 1);
                        Walk(step.To, length);
                        onPath.Clear(step.To);
                        hops.RemoveAt(hops.Count - 1);
                    }
                }
            }

            if (paths.Count > maxPaths)
            {
                budget.Hit(Bound.MaxResults);
                return paths.Take(maxPaths).ToList();
            }
            if (!budget.Stopped && (prunedByDepth || unexplored)) budget.Hit(Bound.MaxDepth);
            return paths;
        }
        finally
        {
            toTarget.Return();
            onPath.Return();
        }
    }

    /// <summary>Distances to the target, up to <paramref name="maxDepth"/>; true when nodes were left beyond it.</summary>
    private static bool Distances(ProjectionVersion graph, int target, EdgeFilter backward, int maxDepth, TraversalBudgetTracker budget, NodeMarks distance)
    {
        distance.Set(target, 0);
        List<int> frontier = [target];
        var steps = new List<Step>();
        for (var level = 1; level <= maxDepth && frontier.Count > 0; level++)
        {
            if (budget.DeadlineReached()) return false;
            var next = new List<int>();
            foreach (var node in frontier)
            {
                var more = Expansion.Expand(graph, node, backward, steps, budget, ordered: false);
                foreach (var step in steps)
                    if (!distance.Has(step.To))
                    {
                        distance.Set(step.To, level);
                        next.Add(step.To);
                    }
                if (!more) return false;
            }
            frontier = next;
        }
        return frontier.Count > 0;
    }
}
