namespace KnowledgeGraph.Store;

/// <summary>
/// The change feed no longer holds every change after the position a reader asked from: entries up to
/// <see cref="Floor"/> were pruned after their retention. A reader that follows the feed (the Queries
/// service's projection) must read the whole graph again and follow the feed from there.
/// </summary>
public sealed class ChangeFeedGapException(long after, long floor)
    : Exception($"The change feed was pruned through position {floor}; changes after {after} can no longer all be read. Read the graph again.")
{
    public long After { get; } = after;

    public long Floor { get; } = floor;
}
