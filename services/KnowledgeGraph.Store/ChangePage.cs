using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store;

/// <summary>
/// A committed change to one resource: its position in the feed and the resource as it is now
/// (<see cref="Entity"/> or <see cref="Relationship"/>), or neither when it no longer exists.
/// Applying changes is idempotent: a consumer that sees one twice ends in the same state.
/// </summary>
public sealed record GraphChange(long Position, string Name, Entity? Entity, Relationship? Relationship)
{
    public bool IsDeletion => Entity is null && Relationship is null;
}

/// <summary>
/// One page of the change feed. <see cref="Position"/> is where the next page starts: the last
/// change's position when the page is full (<see cref="HasMore"/>), otherwise the feed's head.
/// </summary>
public sealed record ChangePage(IReadOnlyList<GraphChange> Changes, long Position, bool HasMore);
