namespace KnowledgeGraph.Domain.Projection.Search;

/// <summary>
/// The edges that lie on some shortest path, found from the meeting layer by walking the levels of
/// the two searches back to the source and on to the target; each node's edges in name order, so a
/// depth-first walk emits paths in path order.
/// </summary>
internal sealed class ShortestPathDag
{
    private readonly Dictionary<int, List<Step>> _next = [];
    private readonly ProjectionVersion _graph;

    private ShortestPathDag(ProjectionVersion graph) => _graph = graph;

    public static ShortestPathDag Mark(ProjectionVersion graph, EdgeFilter forward, ShortestPathSearch.Meeting meeting, NodeMarks fromSource, NodeMarks toTarget)
    {
        var dag = new ShortestPathDag(graph);
        var steps = new List<Step>();

        // Back from the meeting layer to the source: u -> w is on a shortest path when distS(u) = distS(w) - 1.
        var layer = meeting.Nodes;
        for (var position = meeting.Layer; position > 0; position--)
        {
            var previous = new HashSet<int>();
            foreach (var w in layer)
            {
                graph.Steps(w, forward.Reversed, steps, ordered: false);
                foreach (var back in steps)
                    if (fromSource[back.To] == position - 1)
                    {
                        dag.Add(back.To, new Step(back.Edge, w, !back.Outgoing, back.BaseEdge));
                        previous.Add(back.To);
                    }
            }
            layer = [.. previous];
        }

        // On from the meeting layer to the target: w -> x is on a shortest path when distT(x) = distT(w) - 1.
        layer = meeting.Nodes;
        for (var remaining = meeting.Distance - meeting.Layer; remaining > 0; remaining--)
        {
            var following = new HashSet<int>();
            foreach (var w in layer)
            {
                graph.Steps(w, forward, steps, ordered: false);
                foreach (var step in steps)
                    if (toTarget[step.To] == remaining - 1)
                    {
                        dag.Add(w, step);
                        following.Add(step.To);
                    }
            }
            layer = [.. following];
        }

        var byName = Comparer<Step>.Create((x, y) => x.BaseEdge >= 0 && y.BaseEdge >= 0
            ? x.BaseEdge.CompareTo(y.BaseEdge)
            : graph.CompareRelationshipNames(x.Edge.Relationship, y.Edge.Relationship));
        foreach (var list in dag._next.Values) list.Sort(byName);
        return dag;
    }

    /// <summary>Up to <paramref name="limit"/> paths from the source, in path order.</summary>
    public List<ProjectedPath> Walk(int source, int target, int length, int limit)
    {
        var paths = new List<ProjectedPath>();
        var hops = new ProjectedHop[length];
        Visit(source, 0);
        return paths;

        void Visit(int node, int depth)
        {
            if (node == target && depth == length)
            {
                paths.Add(new ProjectedPath(source, [.. hops]));
                return;
            }
            if (depth == length || !_next.TryGetValue(node, out var steps)) return;
            foreach (var step in steps)
            {
                if (paths.Count >= limit) return;
                hops[depth] = ProjectedHop.Of(step);
                Visit(step.To, depth + 1);
            }
        }
    }

    private void Add(int from, Step step)
    {
        // Each (node, edge) is met once: a layer's nodes are distinct and an edge joins two layers.
        if (!_next.TryGetValue(from, out var list)) _next[from] = list = [];
        list.Add(step);
    }
}
