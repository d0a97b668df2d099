using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// What the traversal algorithms read: the adjacency of a frontier, and entities by name. A store's
/// snapshot implements it (one batched read per frontier); the unit tests use an in-memory graph.
/// </summary>
public interface IGraphReader
{
    /// <summary>
    /// The relationships touching any of <paramref name="entities"/> in <paramref name="direction"/>
    /// (OUTGOING: the entity is the source; INCOMING: the target; BOTH: either), of the given types
    /// (empty means all), valid at <paramref name="asOf"/> (valid_from &lt;= as_of &lt; valid_to, open
    /// ends unbounded), ordered by relationship name: the first <paramref name="limit"/> of them, so a
    /// supernode costs no more memory than the traversal's remaining budget.
    /// </summary>
    Task<IReadOnlyList<Relationship>> GetAdjacentRelationshipsAsync(
        IReadOnlyCollection<string> entities,
        Direction direction,
        IReadOnlySet<string> types,
        DateTimeOffset asOf,
        int limit,
        CancellationToken cancellationToken);

    /// <summary>The entities that exist among <paramref name="names"/>, in any order.</summary>
    Task<IReadOnlyList<Entity>> GetEntitiesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken);
}
