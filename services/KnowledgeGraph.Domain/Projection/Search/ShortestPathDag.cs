namespace KnowledgeGraph.Domain.Projection.Search;

/// <summary>
/// The edges that lie on some shortest path, found from the meeting layer by walking the levels of
/// the two searches back to the source and on to the target; each node's edges in name order, so a
/// depth-first walk emits paths in path order.
/// </summary>
internal sealed class ShortestPathDag
{
    private readonly Dictionary<int, List<ProjectedHop>> _next = [];

    /// <summary>
    /// Marks the DAG from the hops the searches took between their levels (<see cref="ShortestPathSearch.Meeting"/>):
    /// no edge is read again, so a hub the searches met without expanding is not expanded here either.
    /// </summary>
    public static ShortestPathDag Mark(ProjectionVersion graph, ShortestPathSearch.Meeting meeting)
    {
        var dag = new ShortestPathDag();

        // Back from the meeting layer to the source: u -> w is on a shortest path when distS(u) = distS(w) - 1.
        var layer = meeting.Nodes;
        for (var position = meeting.Layer; position > 0; position--)
            layer = dag.Join(graph, meeting.SourceEdges[position], layer, towardsLayer: true);

        // On from the meeting layer to the target: w -> x is on a shortest path when distT(x) = distT(w) - 1.
        layer = meeting.Nodes;
        for (var remaining = meeting.Distance - meeting.Layer; remaining > 0; remaining--)
            layer = dag.Join(graph, meeting.TargetEdges[remaining], layer, towardsLayer: false);

        var byName = Comparer<ProjectedHop>.Create((x, y) => graph.CompareRelationshipNames(x.Relationship, y.Relationship));
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
            if (depth == length || !_next.TryGetValue(node, out var next)) return;
            foreach (var hop in next)
            {
                if (paths.Count >= limit) return;
                hops[depth] = hop;
                Visit(hop.To, depth + 1);
            }
        }
    }

    /// <summary>
    /// Adds the hops a search took into <paramref name="layer"/> (nodes on shortest paths) from the
    /// level nearer its start, and returns the nodes they came from. <paramref name="towardsLayer"/>:
    /// the DAG's edges run as the search went (the source's side); otherwise against it (the target's
    /// search walked back from the target).
    /// </summary>
    private List<int> Join(ProjectionVersion graph, List<ShortestPathSearch.LevelEdge> levelEdges, List<int> layer, bool towardsLayer)
    {
        var inLayer = new HashSet<int>(layer);
        var level = new HashSet<int>();
        foreach (var (from, edge) in levelEdges)
        {
            if (!inLayer.Contains(edge.To)) continue;
            var hop = graph.HopOf(edge);
            if (towardsLayer) Add(from, hop);
            else Add(hop.To, new ProjectedHop(hop.Relationship, !hop.Outgoing, from));
            level.Add(from);
        }
        return [.. level];
    }

    private void Add(int from, ProjectedHop hop)
    {
        // Each (node, edge) is met once: a layer's nodes are distinct and an edge joins two layers.
        if (!_next.TryGetValue(from, out var list)) _next[from] = list = [];
        list.Add(hop);
    }
}
