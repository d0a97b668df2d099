using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store;

/// <summary>
/// The graph store port. Adapters: the embedded SQLite store and the Neo4j store. Every write is
/// one transaction and returns a consistency token; failures a client can act on are thrown as
/// <see cref="KnowledgeGraph.Domain.Errors.GraphException"/> (never a partial write).
///
/// Callers validate resources against the ontology first (GraphValidator); the store enforces
/// what needs the stored state, inside the transaction: uniqueness, etags, referential integrity
/// (endpoints exist and have the kinds the relationship type allows) and request-id replay.
/// </summary>
public interface IGraphStore
{
    /// <summary>Where the data lives, for health checks and the dashboard (no secrets).</summary>
    string Location { get; }

    /// <summary>Creates or migrates the schema. Idempotent; safe to call from several processes.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>A cheap round trip to the store; throws when it is unreachable.</summary>
    Task PingAsync(CancellationToken cancellationToken);

    // Entities ----------------------------------------------------------------------------------

    /// <summary>
    /// Creates <paramref name="entity"/> (its name set). The store sets etag, create and update time.
    /// ALREADY_EXISTS when the name is taken. A repeated <paramref name="requestId"/> returns the
    /// first result and writes nothing.
    /// </summary>
    Task<Committed<Entity>> CreateEntityAsync(Entity entity, string? requestId, CancellationToken cancellationToken);

    Task<Entity?> GetEntityAsync(string name, CancellationToken cancellationToken);

    /// <summary>The entities that exist among <paramref name="names"/>, in any order.</summary>
    Task<IReadOnlyList<Entity>> GetEntitiesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken);

    /// <summary>Entities ordered by name, after <see cref="EntityListQuery.AfterName"/>, at most Limit.</summary>
    Task<IReadOnlyList<Entity>> ListEntitiesAsync(EntityListQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the stored entity with <paramref name="entity"/> (create time is kept).
    /// ABORTED when <paramref name="expectedEtag"/> is set and differs; NOT_FOUND when missing
    /// unless <paramref name="allowMissing"/>, which creates it.
    /// </summary>
    Task<Committed<Entity>> UpdateEntityAsync(Entity entity, string? expectedEtag, bool allowMissing, string? requestId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the entity. FAILED_PRECONDITION (HAS_RELATIONSHIPS) when it has relationships and
    /// <paramref name="force"/> is false; with force, its relationships go in the same transaction.
    /// </summary>
    Task<Committed<DeleteResult>> DeleteEntityAsync(string name, string? expectedEtag, bool force, string? requestId, CancellationToken cancellationToken);

    /// <summary>
    /// Upserts validated entities in one transaction: created, updated or unchanged (equal
    /// content writes nothing). Rows are numbered from <paramref name="firstRow"/>.
    /// </summary>
    Task<Committed<ImportSummary>> UpsertEntitiesAsync(IReadOnlyList<Entity> entities, int firstRow, CancellationToken cancellationToken);

    // Relationships -----------------------------------------------------------------------------

    /// <summary>
    /// Creates the relationship. FAILED_PRECONDITION (ENDPOINT_NOT_FOUND, with ResourceInfo) when an
    /// endpoint is missing; INVALID_ARGUMENT (WRONG_ENDPOINT_KIND) when an endpoint's kind is not allowed.
    /// </summary>
    Task<Committed<Relationship>> CreateRelationshipAsync(Relationship relationship, string? requestId, CancellationToken cancellationToken);

    Task<Relationship?> GetRelationshipAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<Relationship>> GetRelationshipsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken);

    /// <summary>Relationships ordered by name, matching the query, after AfterName, at most Limit.</summary>
    Task<IReadOnlyList<Relationship>> ListRelationshipsAsync(RelationshipListQuery query, CancellationToken cancellationToken);

    /// <summary>Replaces the stored relationship; type, source and target must not change (the caller checks).</summary>
    Task<Committed<Relationship>> UpdateRelationshipAsync(Relationship relationship, string? expectedEtag, bool allowMissing, string? requestId, CancellationToken cancellationToken);

    Task<Committed<DeleteResult>> DeleteRelationshipAsync(string name, string? expectedEtag, string? requestId, CancellationToken cancellationToken);

    /// <summary>
    /// Upserts validated relationships in one transaction. Rows whose endpoints are missing or of
    /// the wrong kind, or that would change an existing relationship's type or endpoints, are
    /// rejected in the summary; the others are written.
    /// </summary>
    Task<Committed<ImportSummary>> UpsertRelationshipsAsync(IReadOnlyList<Relationship> relationships, int firstRow, CancellationToken cancellationToken);

    // Reads for queries -------------------------------------------------------------------------

    /// <summary>Entities ranked by the match of their id, display name or aliases (case and accent insensitive).</summary>
    Task<IReadOnlyList<SearchResult>> SearchEntitiesAsync(string query, IReadOnlyCollection<string> kinds, int limit, CancellationToken cancellationToken);

    Task<FindPathsResponse> FindPathsAsync(PathQuery query, CancellationToken cancellationToken);

    Task<TraceDependenciesResponse> TraceDependenciesAsync(TraceQuery query, CancellationToken cancellationToken);

    Task<GetNeighborhoodResponse> GetNeighborhoodAsync(NeighborhoodQuery query, CancellationToken cancellationToken);

    // Consistency -------------------------------------------------------------------------------

    /// <summary>
    /// Returns once the store has applied the write behind <paramref name="consistencyToken"/>.
    /// INVALID_ARGUMENT (INVALID_CONSISTENCY_TOKEN) for a token this store did not issue;
    /// UNAVAILABLE (CONSISTENCY_TIMEOUT) when not caught up within <paramref name="maxWait"/>.
    /// </summary>
    Task WaitForAsync(string consistencyToken, TimeSpan maxWait, CancellationToken cancellationToken);
}
