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

    /// <summary><see cref="ListEntitiesAsync"/>, each entity with its locator (<see cref="Located{T}"/>). A store without locators gives <see cref="Domain.Projection.StoreLocators.None"/>.</summary>
    async Task<IReadOnlyList<Located<Entity>>> ListLocatedEntitiesAsync(EntityListQuery query, CancellationToken cancellationToken) =>
        [.. (await ListEntitiesAsync(query, cancellationToken)).Select(e => new Located<Entity>(e, Domain.Projection.StoreLocators.None))];

    /// <summary><see cref="ListRelationshipsAsync"/>, each relationship with its locator (<see cref="Located{T}"/>). A store without locators gives <see cref="Domain.Projection.StoreLocators.None"/>.</summary>
    async Task<IReadOnlyList<Located<Relationship>>> ListLocatedRelationshipsAsync(RelationshipListQuery query, CancellationToken cancellationToken) =>
        [.. (await ListRelationshipsAsync(query, cancellationToken)).Select(r => new Located<Relationship>(r, Domain.Projection.StoreLocators.None))];

    /// <summary>The entities now at these locators, in any order (perhaps others than were loaded there: see <see cref="Located{T}"/>). A store without locators finds none.</summary>
    Task<IReadOnlyList<Entity>> GetEntitiesAtAsync(IReadOnlyCollection<long> locators, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Entity>>([]);

    /// <summary>The relationships now at these locators, in any order (perhaps others than were loaded there: see <see cref="Located{T}"/>). A store without locators finds none.</summary>
    Task<IReadOnlyList<Relationship>> GetRelationshipsAtAsync(IReadOnlyCollection<long> locators, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Relationship>>([]);

    /// <summary>
    /// Every entity of the given kinds (empty: all) whose search text (<see cref="Domain.Search.SearchText.IndexOf"/>)
    /// contains <paramref name="normalizedQuery"/>, streamed in no particular order.
    /// </summary>
    IAsyncEnumerable<SearchCandidate> SearchCandidatesAsync(string normalizedQuery, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken);
}

/// <summary>An entity that may match a search, with the search text it was indexed under.</summary>
public sealed record SearchCandidate(string Name, string SearchText);
