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

    /// <summary>How many edges marking read (the search's own reads are its budget's).</summary>
    public long EdgesRead { get; private set; }

    public static ShortestPathDag Mark(ProjectionVersion graph, EdgeFilter forward, ShortestPathSearch.Meeting meeting, NodeMarks fromSource, NodeMarks toTarget)
    {
        var dag = new ShortestPathDag(graph);
        var steps = new List<Step>();
        var backward = forward.Reversed;

        // Back from the meeting layer to the source: u -> w is on a shortest path when distS(u) = distS(w) - 1.
        var layer = meeting.Nodes;
        for (var position = meeting.Layer; position > 0; position--)
            layer = dag.Join(meeting.SourceLevels[position - 1], fromSource, position - 1, forward, layer, steps, towardsLayer: true);

        // On from the meeting layer to the target: w -> x is on a shortest path when distT(x) = distT(w) - 1.
        layer = meeting.Nodes;
        for (var remaining = meeting.Distance - meeting.Layer; remaining > 0; remaining--)
            layer = dag.Join(meeting.TargetLevels[remaining - 1], toTarget, remaining - 1, backward, layer, steps, towardsLayer: false);

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

    /// <summary>
    /// Adds the edges between <paramref name="layer"/> (nodes on shortest paths) and the adjacent
    /// <paramref name="level"/> of one search (the nodes its <paramref name="marks"/> put at
    /// <paramref name="distance"/>), and returns the level's nodes they reach. The edges are read
    /// from whichever side has fewer to read: the layer's, or the level's (walking
    /// <paramref name="fromLevel"/>). The search expanded the level, so reading it again costs no more
    /// than the search did, while a hub in the layer, met without being expanded, may hold thousands.
    /// <paramref name="towardsLayer"/>: the DAG's edges run from the level to the layer (the source's
    /// side); otherwise from the layer to the level (the target's).
    /// </summary>
    private List<int> Join(List<int> level, NodeMarks marks, int distance, EdgeFilter fromLevel, List<int> layer, List<Step> steps, bool towardsLayer)
    {
        var fromLayer = fromLevel.Reversed;
        var joined = new HashSet<int>();
        var layerVolume = Volume(layer, fromLayer, long.MaxValue);
        if (layerVolume <= Volume(level, fromLevel, layerVolume))
        {
            foreach (var w in layer)
            {
                _graph.Steps(w, fromLayer, steps, ordered: false);
                EdgesRead += steps.Count;
                foreach (var back in steps)
                    if (marks[back.To] == distance)
                    {
                        Link(w, back);
                        joined.Add(back.To);
                    }
            }
        }
        else
        {
            var inLayer = new HashSet<int>(layer);
            foreach (var u in level)
            {
                _graph.Steps(u, fromLevel, steps, ordered: false);
                EdgesRead += steps.Count;
                foreach (var step in steps)
                    if (inLayer.Contains(step.To))
                    {
                        Link(step.To, new Step(step.Edge, u, !step.Outgoing, step.BaseEdge));
                        joined.Add(u);
                    }
            }
        }
        return [.. joined];

        // back: a step from the layer node w to the level node back.To.
        void Link(int w, Step back)
        {
            if (towardsLayer) Add(back.To, new Step(back.Edge, w, !back.Outgoing, back.BaseEdge));
            else Add(w, back);
        }
    }

    /// <summary>How many edges reading <paramref name="nodes"/> would read, counted until it passes <paramref name="cap"/>.</summary>
    private long Volume(List<int> nodes, in EdgeFilter filter, long cap)
    {
        long volume = 0;
        foreach (var node in nodes)
            if ((volume += _graph.DegreeBound(node, filter)) > cap) break;
        return volume;
    }

    private void Add(int from, Step step)
    {
        // Each (node, edge) is met once: a layer's nodes are distinct and an edge joins two layers.
        if (!_next.TryGetValue(from, out var list)) _next[from] = list = [];
        list.Add(step);
    }
}
