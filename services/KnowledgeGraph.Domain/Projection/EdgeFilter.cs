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
    /// <see cref="Admits(in ProjectedEdge, bool)"/> on edge <paramref name="id"/> of <paramref name="edges"/>
    /// followed from node <paramref name="from"/> (its source when <paramref name="outgoing"/>, else its
    /// target) to <paramref name="to"/>, reading a column only when the rule before it passed: a search
    /// that needs only the entity an edge reaches touches three of its columns, not all eight. (That
    /// the edge is no loop is that it reaches another node, so only its far end is read.)
    /// </summary>
    public bool Admits(EdgeColumns edges, int id, int from, bool outgoing, out int to)
    {
        to = -1;
        return Follows(edges.Type[id], outgoing) && AdmitsFollowed(edges, id, from, outgoing, out to);
    }

    /// <summary>Whether edges of <paramref name="type"/> are followed this way (the first rule of <see cref="Admits(EdgeColumns, int, int, bool, out int)"/>).</summary>
    public bool Follows(byte type, bool outgoing) => ((outgoing ? OutTypes : InTypes) & (1UL << type)) != 0;

    /// <summary>The rest of <see cref="Admits(EdgeColumns, int, int, bool, out int)"/>, for an edge whose type <see cref="Follows"/>.</summary>
    public bool AdmitsFollowed(EdgeColumns edges, int id, int from, bool outgoing, out int to)
    {
        to = -1;
        var validity = edges.Validity;
        if (validity[2 * id] > AsOf || AsOf >= validity[2 * id + 1]) return false;
        if (Commodity != ProjectedEdge.NoCommodity && edges.Commodity[id] is var commodity && commodity != ProjectedEdge.NoCommodity && commodity != Commodity) return false;
        to = outgoing ? edges.Target[id] : edges.Source[id];
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
