namespace KnowledgeGraph.Store;

/// <summary>
/// What the reads of one call must wait for, as the store that issued it understands it (Neo4j: the
/// bookmarks of the writes the caller has seen). Obtained from <see cref="IGraphStore.WaitForAsync"/>
/// and passed explicitly into the reads that follow; <see cref="None"/> when the call carried no token.
/// </summary>
public sealed record ReadConsistency(IReadOnlyList<string> Markers)
{
    public static ReadConsistency None { get; } = new([]);
}
