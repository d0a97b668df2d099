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
            layer = dag.Join(meeting.SourceEdges[position], fromSource, position - 1, forward, layer, steps, towardsLayer: true);

        // On from the meeting layer to the target: w -> x is on a shortest path when distT(x) = distT(w) - 1.
        layer = meeting.Nodes;
        for (var remaining = meeting.Distance - meeting.Layer; remaining > 0; remaining--)
            layer = dag.Join(meeting.TargetEdges[remaining], toTarget, remaining - 1, backward, layer, steps, towardsLayer: false);

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
    /// Adds the edges between <paramref name="layer"/> (nodes on shortest paths) and the nodes one
    /// level nearer the search's start (its <paramref name="marks"/> put them at
    /// <paramref name="distance"/>), and returns those nodes. <paramref name="levelEdges"/>, what the
    /// search read into the layer's level, names them; their edges are then read whole from whichever
    /// side has fewer: those nodes' (walking <paramref name="fromLevel"/>) or the layer's. A hub on
    /// either side, met without being expanded, is not read to mark the paths either.
    /// <paramref name="towardsLayer"/>: the DAG's edges run from the level to the layer (the source's
    /// side); otherwise from the layer to the level (the target's).
    /// </summary>
    private List<int> Join(List<ShortestPathSearch.LevelEdge> levelEdges, NodeMarks marks, int distance, EdgeFilter fromLevel, List<int> layer, List<Step> steps, bool towardsLayer)
    {
        var fromLayer = fromLevel.Reversed;
        var inLayer = new HashSet<int>(layer);
        var level = new HashSet<int>();
        foreach (var edge in levelEdges)
            if (inLayer.Contains(edge.Reached)) level.Add(edge.From);

        var layerVolume = Volume(layer, fromLayer, long.MaxValue);
        if (layerVolume <= Volume(level, fromLevel, layerVolume))
        {
            // The layer's own edges also give a node at the distance that a budget-cut search did not read.
            var found = new HashSet<int>();
            foreach (var w in layer)
            {
                _graph.Steps(w, fromLayer, steps, ordered: false);
                EdgesRead += steps.Count;
                foreach (var back in steps)
                    if (marks[back.To] == distance)
                    {
                        Link(w, back);
                        found.Add(back.To);
                    }
            }
            return [.. found];
        }
        foreach (var u in level)
        {
            _graph.Steps(u, fromLevel, steps, ordered: false);
            EdgesRead += steps.Count;
            foreach (var step in steps)
                if (inLayer.Contains(step.To)) Link(step.To, new Step(step.Edge, u, !step.Outgoing, step.BaseEdge));
        }
        return [.. level];

        // back: a step from the layer node w to the level node back.To.
        void Link(int w, Step back)
        {
            if (towardsLayer) Add(back.To, new Step(back.Edge, w, !back.Outgoing, back.BaseEdge));
            else Add(w, back);
        }
    }

    /// <summary>How many edges reading <paramref name="nodes"/> would read, counted until it passes <paramref name="cap"/>.</summary>
    private long Volume(IEnumerable<int> nodes, in EdgeFilter filter, long cap)
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
