using System.Collections.Immutable;

namespace KnowledgeGraph.Domain.Projection;

/// <summary>
/// The writes applied since the base was built, as persistent maps: every version of the projection
/// holds one, queries read it without locks, and applying a change makes a new one that shares the
/// rest. Compaction folds it into a new base and starts over with <see cref="Empty"/>.
/// </summary>
public sealed record Overlay(
    ImmutableDictionary<int, ImmutableArray<ProjectedEdge>> Out,
    ImmutableDictionary<int, ImmutableArray<ProjectedEdge>> In,
    ImmutableDictionary<int, ProjectedEdge> ByRelationship,
    ImmutableDictionary<int, byte> Kinds,
    ulong[] DeletedBase,
    int DeletedBaseCount)
{
    public static Overlay Empty { get; } = new(
        ImmutableDictionary<int, ImmutableArray<ProjectedEdge>>.Empty,
        ImmutableDictionary<int, ImmutableArray<ProjectedEdge>>.Empty,
        ImmutableDictionary<int, ProjectedEdge>.Empty,
        ImmutableDictionary<int, byte>.Empty,
        [],
        0);

    /// <summary>How much it holds: compaction starts once this passes a share of the base.</summary>
    public int Size => ByRelationship.Count + DeletedBaseCount + Kinds.Count;

    public bool IsBaseEdgeDeleted(int edge) =>
        DeletedBaseCount > 0 && (DeletedBase[edge >> 6] & (1UL << (edge & 63))) != 0;

    public Overlay DeleteBaseEdge(int edge, int baseEdgeCount)
    {
        if (IsBaseEdgeDeleted(edge)) return this;
        var bits = DeletedBase.Length == 0 ? new ulong[(baseEdgeCount + 63) >> 6] : (ulong[])DeletedBase.Clone();
        bits[edge >> 6] |= 1UL << (edge & 63);
        return this with { DeletedBase = bits, DeletedBaseCount = DeletedBaseCount + 1 };
    }

    public Overlay AddEdge(ProjectedEdge edge, IComparer<ProjectedEdge> byName) => this with
    {
        Out = Out.SetItem(edge.Source, Insert(Out.GetValueOrDefault(edge.Source, []), edge, byName)),
        In = In.SetItem(edge.Target, Insert(In.GetValueOrDefault(edge.Target, []), edge, byName)),
        ByRelationship = ByRelationship.SetItem(edge.Relationship, edge),
    };

    public Overlay RemoveEdge(ProjectedEdge edge) => this with
    {
        Out = Remove(Out, edge.Source, edge.Relationship),
        In = Remove(In, edge.Target, edge.Relationship),
        ByRelationship = ByRelationship.Remove(edge.Relationship),
    };

    private static ImmutableArray<ProjectedEdge> Insert(ImmutableArray<ProjectedEdge> edges, ProjectedEdge edge, IComparer<ProjectedEdge> byName)
    {
        var at = edges.BinarySearch(edge, byName);
        return edges.Insert(at < 0 ? ~at : at, edge);
    }

    private static ImmutableDictionary<int, ImmutableArray<ProjectedEdge>> Remove(ImmutableDictionary<int, ImmutableArray<ProjectedEdge>> map, int node, int relationship)
    {
        var remaining = map.GetValueOrDefault(node, []).RemoveAll(e => e.Relationship == relationship);
        return remaining.IsEmpty ? map.Remove(node) : map.SetItem(node, remaining);
    }
}
