namespace KnowledgeGraph.Domain.Projection.Search;

/// <summary>
/// A hop as the shortest-path search keeps it: the edge by reference (<see cref="Edge"/>: a base edge
/// id, or the complement of an overlay relationship's id), the way it was followed and the entity
/// reached. A search meets far more edges than its paths keep, so the relationship column, read at a
/// random place, is read only for the hops of the shortest-path DAG (<see cref="ProjectionVersion.HopOf"/>).
/// </summary>
internal readonly record struct EdgeHop(int Edge, bool Outgoing, int To)
{
    public static EdgeHop Of(in Step step) => new(step.BaseEdge >= 0 ? step.BaseEdge : ~step.Relationship, step.Outgoing, step.To);
}
