namespace KnowledgeGraph.Domain.Projection;

/// <summary>
/// What an adjacency slot says of its edge in one byte: the type (the low six bits; at most 64 types)
/// and whether the edge has a validity interval (the top bit). A search reads a node's slots in
/// order and looks an edge up in the columns only for what the slot cannot tell.
/// </summary>
public static class AdjacencySlot
{
    private const byte TypeBits = 0x3F;
    private const byte DatedBit = 0x80;

    public static byte Of(EdgeColumns edges, int id) =>
        (byte)(edges.Type[id] | (edges.Validity[2 * id] != ProjectedEdge.OpenStart || edges.Validity[2 * id + 1] != ProjectedEdge.OpenEnd ? DatedBit : 0));

    public static int Type(byte slot) => slot & TypeBits;

    /// <summary>Whether the edge has a validity interval (a from or a to): only then does its validity need reading.</summary>
    public static bool Dated(byte slot) => (slot & DatedBit) != 0;
}
