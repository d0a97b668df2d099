using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Projection.Search;

/// <summary>
/// Every shortest path (by hops) from the source to the target, at most MaxPaths, in
/// <see cref="PathOrder"/>, on the projection.
/// <para>
/// Algorithm: bidirectional breadth-first search, a whole level at a time, always growing the side
/// whose frontier has fewer edges to read (the sum of its nodes' degrees, not its node count: on a
/// graph with hubs, one hub in a frontier of one outweighs a thousand ordinary nodes, and growing the
/// other side first lets the search meet at the hub instead of expanding it); type, direction and
/// validity filters apply as edges are met. When a
/// level meets the other side, the shortest distance d is the least distS + distT over the nodes
/// met, and every shortest path crosses the meeting layer (distS = p, distT = d - p). The nodes
/// between the source and that layer, and between it and the target, are then marked by walking
/// the level structure back, which yields the DAG of all shortest paths; a depth-first walk of the
/// DAG with each node's edges in name order emits the paths already sorted and stops after
/// MaxPaths + 1.
/// </para>
/// <para>
/// Complexity: O(V + E) over the two balls the search grows (typically far smaller than one ball of
/// radius d on graphs with hubs), plus O(E') to mark the DAG and O(MaxPaths · d) to emit paths
/// (every DAG walk reaches the target). Memory: three bytes per node of the graph, pooled.
/// </para>
/// </summary>
public static class ShortestPathSearch
{
    private const int DeadlineCheckEvery = 256;

    public static IReadOnlyList<ProjectedPath> Find(ProjectionVersion graph, int source, int target, EdgeFilter forward, int maxDepth, int maxPaths, TraversalBudgetTracker budget)
    {
        if (source == target) return [];
        var fromSource = NodeMarks.Rent(graph.EntityIdLimit);
        var toTarget = NodeMarks.Rent(graph.EntityIdLimit);
        try
        {
            var meeting = Meet(graph, source, target, forward, maxDepth, budget, fromSource, toTarget);
            if (meeting is null) return [];
            var dag = ShortestPathDag.Mark(graph, forward, meeting.Value, fromSource, toTarget);
            var paths = dag.Walk(source, target, meeting.Value.Distance, maxPaths + 1);
            if (paths.Count > maxPaths)
            {
                budget.Hit(Bound.MaxResults);
                return paths.Take(maxPaths).ToList();
            }
            return paths;
        }
        finally
        {
            fromSource.Return();
            toTarget.Return();
        }
    }

    /// <summary>
    /// Where the searches met: the shortest distance, the meeting layer's position from the source, and
    /// its nodes; with each side's levels (the nodes at each distance from the source, from the target).
    /// </summary>
    internal readonly record struct Meeting(int Distance, int Layer, List<int> Nodes, List<List<int>> SourceLevels, List<List<int>> TargetLevels);

    internal static Meeting? Meet(ProjectionVersion graph, int source, int target, EdgeFilter forward, int maxDepth, TraversalBudgetTracker budget, NodeMarks fromSource, NodeMarks toTarget)
    {
        var backward = forward.Reversed;
        fromSource.Set(source, 0);
        toTarget.Set(target, 0);
        List<int> sourceFrontier = [source], targetFrontier = [target];
        List<List<int>> sourceLevels = [sourceFrontier], targetLevels = [targetFrontier];
        long sourceVolume = graph.DegreeBound(source, forward), targetVolume = graph.DegreeBound(target, backward);
        int a = 0, b = 0;
        var steps = new List<Step>();
        var expanded = 0;
        while (sourceFrontier.Count > 0 && targetFrontier.Count > 0 && a + b < maxDepth)
        {
            if (budget.DeadlineReached()) return null;
            var growSource = sourceVolume <= targetVolume;
            var (frontier, filter, mine, theirs) = growSource
                ? (sourceFrontier, forward, fromSource, toTarget)
                : (targetFrontier, backward, toTarget, fromSource);
            var level = (growSource ? a : b) + 1;
            var next = new List<int>();
            long volume = 0;
            var best = int.MaxValue;
            var exhausted = false;
            foreach (var node in frontier)
            {
                if (++expanded % DeadlineCheckEvery == 0 && budget.DeadlineReached()) return null;
                exhausted = !Expansion.Expand(graph, node, filter, steps, budget, ordered: false);
                foreach (var step in steps)
                {
                    if (mine.Has(step.To)) continue;
                    mine.Set(step.To, level);
                    next.Add(step.To);
                    volume += graph.DegreeBound(step.To, filter);
                    if (theirs.TryGet(step.To, out var other)) best = Math.Min(best, level + other);
                }
                if (exhausted) break;
            }
            if (growSource) (sourceFrontier, sourceVolume, a) = (next, volume, level);
            else (targetFrontier, targetVolume, b) = (next, volume, level);
            (growSource ? sourceLevels : targetLevels).Add(next);
            if (best == int.MaxValue)
            {
                if (exhausted) return null;
                continue;
            }
            // The meeting layer is the level just grown, seen from the source.
            var layer = growSource ? a : best - b;
            var nodes = next.Where(n => fromSource[n] == layer && toTarget[n] == best - layer).ToList();
            return new Meeting(best, layer, nodes, sourceLevels, targetLevels);
        }
        if (sourceFrontier.Count > 0 && targetFrontier.Count > 0 && !budget.Stopped) budget.Hit(Bound.MaxDepth);
        return null;
    }
}
