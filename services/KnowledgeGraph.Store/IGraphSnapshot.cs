using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store;

/// <summary>
/// A read-only view of the graph for one call: reads by name, pages of lists, search candidates and
/// (through <see cref="IGraphReader"/>) the adjacency the traversals expand. The embedded store reads
/// one SQLite snapshot; Neo4j reads committed data that includes at least the snapshot's consistency.
/// </summary>
public interface IGraphSnapshot : IGraphReader, IAsyncDisposable
{
    /// <summary>The relationships that exist among <paramref name="names"/>, in any order.</summary>
    Task<IReadOnlyList<Relationship>> GetRelationshipsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken);

    /// <summary>Entities in name order, after <see cref="EntityListQuery.AfterName"/>, at most Limit.</summary>
    Task<IReadOnlyList<Entity>> ListEntitiesAsync(EntityListQuery query, CancellationToken cancellationToken);

    /// <summary>Relationships in name order matching the query, after AfterName, at most Limit.</summary>
    Task<IReadOnlyList<Relationship>> ListRelationshipsAsync(RelationshipListQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Every entity of the given kinds (empty: all) whose search text (<see cref="Domain.Search.SearchText.IndexOf"/>)
    /// contains <paramref name="normalizedQuery"/>, streamed in no particular order.
    /// </summary>
    IAsyncEnumerable<SearchCandidate> SearchCandidatesAsync(string normalizedQuery, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken);
}

/// <summary>An entity that may match a search, with the search text it was indexed under.</summary>
public sealed record SearchCandidate(string Name, string SearchText);
