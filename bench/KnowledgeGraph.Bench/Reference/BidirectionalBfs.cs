namespace KnowledgeGraph.Bench.Reference;

/// <summary>
/// Shortest-path distance by bidirectional breadth-first search on a <see cref="CsrGraph"/>: each
/// round expands the smaller frontier by one whole level. Marks are stamped per search, so a search
/// costs what it visits, not the graph's size. Not thread-safe: one instance per thread.
/// </summary>
public sealed class BidirectionalBfs(CsrGraph graph)
{
    private readonly int[] _forwardMark = new int[graph.EntityCount];
    private readonly int[] _backwardMark = new int[graph.EntityCount];
    private int _stamp;

    /// <summary>Hops from <paramref name="source"/> to <paramref name="target"/>, or -1 when none within <paramref name="maxDepth"/>.</summary>
    /// <param name="both">Follow relationships either way (BOTH) instead of source to target only (OUTGOING).</param>
    public int Distance(int source, int target, bool both, int maxDepth)
    {
        if (source == target) return 0;
        _stamp++;
        _forwardMark[source] = _stamp;
        _backwardMark[target] = _stamp;
        List<int> forward = [source], backward = [target];
        for (int forwardDepth = 0, backwardDepth = 0; forwardDepth + backwardDepth < maxDepth && forward.Count > 0 && backward.Count > 0;)
        {
            bool met;
            if (forward.Count <= backward.Count)
            {
                (forward, met) = Expand(forward, _forwardMark, _backwardMark, both, outgoing: true);
                forwardDepth++;
            }
            else
            {
                (backward, met) = Expand(backward, _backwardMark, _forwardMark, both, outgoing: false);
                backwardDepth++;
            }
            if (met) return forwardDepth + backwardDepth;
        }
        return -1;
    }

    private (List<int> Next, bool Met) Expand(List<int> frontier, int[] mine, int[] theirs, bool both, bool outgoing)
    {
        var next = new List<int>();
        foreach (var entity in frontier)
        {
            if (Visit(entity, outgoing ? graph.OutStart : graph.InStart, outgoing ? graph.OutTarget : graph.InSource, mine, theirs, next)) return (next, true);
            if (both && Visit(entity, outgoing ? graph.InStart : graph.OutStart, outgoing ? graph.InSource : graph.OutTarget, mine, theirs, next)) return (next, true);
        }
        return (next, false);
    }

    private bool Visit(int entity, int[] start, int[] far, int[] mine, int[] theirs, List<int> next)
    {
        for (var e = start[entity]; e < start[entity + 1]; e++)
        {
            var neighbour = far[e];
            if (theirs[neighbour] == _stamp) return true;
            if (mine[neighbour] == _stamp) continue;
            mine[neighbour] = _stamp;
            next.Add(neighbour);
        }
        return false;
    }
}
