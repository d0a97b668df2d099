namespace KnowledgeGraph.Domain.Projection;

/// <summary>
/// The compacted part of the projection. Edges are columns indexed by edge id, and edge ids follow
/// relationship-name order; adjacency is in CSR arrays of edge ids, out and in, so each node's edges
/// come in name order with no sorting at query time. Each adjacency slot also holds what a search
/// reads of every edge it meets: the far end (<see cref="OutFar"/>, <see cref="InFar"/>) and the
/// type with a flag for a validity interval (<see cref="AdjacencySlot"/>). A search reads a node's
/// slots in order and looks an edge up in the columns only for what it keeps (its relationship,
/// its weight) or the few rules the slot cannot answer: 50 MB more at 5 million edges, where every
/// edge met was four or five reads at random places. Immutable once built.
/// </summary>
public sealed class GraphBase
{
    private GraphBase(EdgeColumns edges, int nodes, int relationshipIds)
    {
        Edges = edges;
        NodeCount = nodes;
        OutStart = new int[nodes + 1];
        InStart = new int[nodes + 1];
        OutEdge = new int[edges.Count];
        InEdge = new int[edges.Count];
        OutSlot = new byte[edges.Count];
        InSlot = new byte[edges.Count];
        OutFar = new int[edges.Count];
        InFar = new int[edges.Count];
        EdgeOfRelationship = new int[relationshipIds];
        Array.Fill(EdgeOfRelationship, -1);
    }

    public static GraphBase Empty { get; } = Build(new EdgeColumns(), 0, 0);

    /// <summary>Entity ids below this have adjacency here; later ones only in the overlay.</summary>
    public int NodeCount { get; }

    public EdgeColumns Edges { get; }

    public int EdgeCount => Edges.Count;

    /// <summary>The edges leaving node v are OutEdge[OutStart[v] .. OutStart[v + 1] - 1], in name order.</summary>
    public int[] OutStart { get; }
    public int[] OutEdge { get; }
    /// <summary>Each slot of <see cref="OutEdge"/>: its edge's <see cref="AdjacencySlot"/> byte, and its target.</summary>
    public byte[] OutSlot { get; }
    public int[] OutFar { get; }

    /// <summary>The edges entering node v are InEdge[InStart[v] .. InStart[v + 1] - 1], in name order.</summary>
    public int[] InStart { get; }
    public int[] InEdge { get; }
    /// <summary>Each slot of <see cref="InEdge"/>: its edge's <see cref="AdjacencySlot"/> byte, and its source.</summary>
    public byte[] InSlot { get; }
    public int[] InFar { get; }

    /// <summary>The edge id of each relationship id held here, or -1.</summary>
    public int[] EdgeOfRelationship { get; }

    public long SizeInBytes =>
        Edges.SizeInBytes + OutSlot.LongLength + InSlot.LongLength
        + (OutStart.LongLength + InStart.LongLength + OutEdge.LongLength + InEdge.LongLength + OutFar.LongLength + InFar.LongLength + EdgeOfRelationship.LongLength) * 4;

    /// <summary>
    /// Builds the adjacency over <paramref name="edges"/>, which must be in relationship-name order
    /// (a stable counting sort by endpoint then keeps every list in name order).
    /// </summary>
    public static GraphBase Build(EdgeColumns edges, int nodes, int relationshipIds)
    {
        edges.Trim();
        var graph = new GraphBase(edges, nodes, relationshipIds);
        Group(edges.Source, edges.Count, graph.OutStart, graph.OutEdge);
        Group(edges.Target, edges.Count, graph.InStart, graph.InEdge);
        for (var k = 0; k < edges.Count; k++)
        {
            var (outId, inId) = (graph.OutEdge[k], graph.InEdge[k]);
            (graph.OutSlot[k], graph.OutFar[k]) = (AdjacencySlot.Of(edges, outId), edges.Target[outId]);
            (graph.InSlot[k], graph.InFar[k]) = (AdjacencySlot.Of(edges, inId), edges.Source[inId]);
        }
        for (var id = 0; id < edges.Count; id++) graph.EdgeOfRelationship[edges.Relationship[id]] = id;
        return graph;
    }

    private static void Group(int[] endpoint, int count, int[] start, int[] grouped)
    {
        for (var id = 0; id < count; id++) start[endpoint[id] + 1]++;
        for (var v = 1; v < start.Length; v++) start[v] += start[v - 1];
        var next = start[..^1];
        for (var id = 0; id < count; id++) grouped[next[endpoint[id]]++] = id;
    }
}
