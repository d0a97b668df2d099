using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store;

/// <summary>
/// One write transaction. Reads see committed data and keep what they read from changing until the
/// unit ends (the embedded store holds the file's write lock; Neo4j locks the nodes read). Writes are
/// buffered and applied together by <see cref="CommitAsync"/>, so reads never see this unit's own
/// writes. Disposing without committing writes nothing.
/// <para>
/// Writes are given in their final form: the caller has checked them and set etag and times.
/// A concurrent writer that created a name this unit read as missing makes <see cref="CommitAsync"/>
/// throw <see cref="StoreConflictException"/>; running the whole unit again then sees it.
/// </para>
/// </summary>
public interface IUnitOfWork : IAsyncDisposable
{
    /// <summary>The entities that exist among <paramref name="names"/>, by name.</summary>
    Task<IReadOnlyDictionary<string, Entity>> GetEntitiesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken);

    /// <summary>
    /// The kinds of the entities that exist among <paramref name="names"/>, by name: all a new
    /// relationship's endpoint check needs. A store may answer it more cheaply than
    /// <see cref="GetEntitiesAsync"/> (the embedded store reads one index instead of the rows).
    /// </summary>
    async Task<IReadOnlyDictionary<string, string>> GetEntityKindsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        (await GetEntitiesAsync(names, cancellationToken)).ToDictionary(e => e.Key, e => e.Value.Kind, StringComparer.Ordinal);

    /// <summary>The relationships that exist among <paramref name="names"/>, by name.</summary>
    Task<IReadOnlyDictionary<string, Relationship>> GetRelationshipsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken);

    /// <summary>Every relationship that starts or ends at the entity, with both endpoints' kinds, in name order.</summary>
    Task<IReadOnlyList<IncidentRelationship>> GetIncidentRelationshipsAsync(string entityName, CancellationToken cancellationToken);

    /// <summary>The first response recorded for <paramref name="requestId"/>, or null when it is new.</summary>
    Task<RecordedRequest?> FindRequestAsync(string requestId, CancellationToken cancellationToken);

    void Insert(Entity entity);
    void Replace(Entity entity);
    void DeleteEntity(string name);

    void Insert(Relationship relationship);
    void Replace(Relationship relationship);
    void DeleteRelationship(string name);

    /// <summary>Keeps the response of a request that carried a request id, for its retries (AIP-155).</summary>
    void RecordRequest(string requestId, string method, byte[] response);

    /// <summary>
    /// Applies the buffered writes in one transaction (deletes of relationships, then of entities,
    /// then entities, then relationships) and returns the consistency token of the state committed;
    /// a unit that wrote nothing returns a token of the state it read.
    /// </summary>
    Task<string> CommitAsync(CancellationToken cancellationToken);
}

/// <summary>A response kept for a request id: the method that made it and the response's bytes.</summary>
public sealed record RecordedRequest(string Method, byte[] Response);

/// <summary>
/// A concurrent write invalidated what a unit of work read (for example it created a name the unit
/// found missing). Nothing was written; running the whole unit again resolves it.
/// </summary>
public sealed class StoreConflictException(string message, Exception? inner = null) : Exception(message, inner);
