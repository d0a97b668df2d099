namespace KnowledgeGraph.Domain.Projection;

/// <summary>
/// Which edges a traversal follows from a node: relationship types allowed leaving it
/// (<see cref="OutTypes"/>, as a bit per type id) and entering it (<see cref="InTypes"/>), valid at
/// <see cref="AsOf"/> (UTC ticks), for a commodity trace only edges of that commodity or of none, and
/// none that a what-if question <see cref="Excluded"/>.
/// </summary>
public readonly record struct EdgeFilter(ulong OutTypes, ulong InTypes, long AsOf, int Commodity = ProjectedEdge.NoCommodity, ExcludedIds? Excluded = null)
{
    public bool Admits(in ProjectedEdge edge, bool outgoing) =>
        ((outgoing ? OutTypes : InTypes) & (1UL << edge.Type)) != 0
        && edge.IsValidAt(AsOf)
        && (Commodity == ProjectedEdge.NoCommodity || edge.Commodity == ProjectedEdge.NoCommodity || edge.Commodity == Commodity)
        && edge.Source != edge.Target
        && (Excluded is null || !Excluded.Excludes(edge));

    /// <summary>
    /// Whether edges of the type in <paramref name="slot"/> (<see cref="AdjacencySlot"/>) are followed
    /// this way: the first rule of <see cref="Admits(in ProjectedEdge, bool)"/>, read from the adjacency
    /// in order. <see cref="AdmitsFollowed"/> is the rest of it.
    /// </summary>
    public bool Follows(byte slot, bool outgoing) => ((outgoing ? OutTypes : InTypes) & (1UL << AdjacencySlot.Type(slot))) != 0;

    /// <summary>
    /// The rest of the rule, for an edge whose type <see cref="Follows"/>, from <paramref name="from"/> to
    /// <paramref name="to"/> (the slot's far end), reading a column only when the rule before it passed
    /// and its validity only when the slot says it has one: most edges have none, so a search that
    /// needs only the entity an edge reaches reads nothing of it here. (That the edge is no loop is
    /// that it reaches another node.)
    /// </summary>
    public bool AdmitsFollowed(EdgeColumns edges, int id, byte slot, int from, int to)
    {
        if (AdjacencySlot.Dated(slot) && (edges.Validity[2 * id] > AsOf || AsOf >= edges.Validity[2 * id + 1])) return false;
        if (Commodity != ProjectedEdge.NoCommodity && edges.Commodity[id] is var commodity && commodity != ProjectedEdge.NoCommodity && commodity != Commodity) return false;
        return to != from && (Excluded is null || !Excluded.Excludes(edges[id]));
    }

    /// <summary>The filter of a search that follows <paramref name="types"/> (bits) leaving a node, entering it, or both.</summary>
    public static EdgeFilter Following(ulong types, bool outgoing, bool incoming, long asOf) =>
        new(outgoing ? types : 0, incoming ? types : 0, asOf);

    /// <summary>The same filter walked the other way (for a search back from the target).</summary>
    public EdgeFilter Reversed => this with { OutTypes = InTypes, InTypes = OutTypes };

    // The generated one would print Reversed, whose Reversed it would print, and so on until the stack overflows.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"OutTypes = {OutTypes}, InTypes = {InTypes}, AsOf = {AsOf}, Commodity = {Commodity}, Excluded = {Excluded}");
        return true;
    }
}

/// <summary>
/// One edge followed from a node: its relationship and weight, the node it reaches, whether it was
/// followed from source to target, and its id in the base (-1 when it is in the overlay), which
/// orders base edges by name. What a search uses of an edge once the filter has admitted it, so
/// reading a step touches two of the edge's columns besides those the filter read.
/// </summary>
public readonly record struct Step(int Relationship, double Weight, int To, bool Outgoing, int BaseEdge);

/// <summary>What a what-if question treats as gone, as projection ids: entities (and every edge touching them) and relationships.</summary>
public sealed class ExcludedIds(IReadOnlySet<int> entities, IReadOnlySet<int> relationships)
{
    public bool Excludes(in ProjectedEdge edge) =>
        relationships.Contains(edge.Relationship) || entities.Contains(edge.Source) || entities.Contains(edge.Target);
}
