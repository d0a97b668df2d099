using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// What the shared traversal algorithms read from a store: adjacency and entity summaries.
/// The embedded store answers from its covering indexes; tests use an in-memory graph.
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
    Task<IReadOnlyList<Relationship>> GetRelationshipsAsync(
        IReadOnlyCollection<string> entities,
        Direction direction,
        IReadOnlySet<string> types,
        DateTimeOffset asOf,
        int limit,
        CancellationToken cancellationToken);

    /// <summary>Summaries of the entities that exist among <paramref name="names"/>.</summary>
    Task<IReadOnlyDictionary<string, EntityRef>> GetEntityRefsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken);

    /// <summary>The full entities that exist among <paramref name="names"/>.</summary>
    Task<IReadOnlyList<Entity>> GetEntitiesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken);
}
