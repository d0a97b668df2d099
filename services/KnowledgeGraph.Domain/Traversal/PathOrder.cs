namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// The order paths are returned in: fewer hops first, then by the sequence of relationship names
/// (ordinal). From a given start the relationship names determine the path, so the order is total.
/// </summary>
public sealed class PathOrder : IComparer<IReadOnlyList<string>>
{
    public static PathOrder Instance { get; } = new();

    public int Compare(IReadOnlyList<string>? x, IReadOnlyList<string>? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var byLength = x.Count.CompareTo(y.Count);
        if (byLength != 0) return byLength;
        for (var i = 0; i < x.Count; i++)
        {
            var byName = string.CompareOrdinal(x[i], y[i]);
            if (byName != 0) return byName;
        }
        return 0;
    }
}
