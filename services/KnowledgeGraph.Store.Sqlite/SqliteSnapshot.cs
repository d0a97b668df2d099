using System.Runtime.CompilerServices;
using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Domain;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>
/// A read-only view of the file: one connection in one read transaction, so every read of a call
/// sees the same snapshot (WAL readers never block writers). Dispose to release it.
/// </summary>
internal sealed class SqliteSnapshot(OpenTransaction transaction) : IGraphSnapshot
{
    private readonly SqlSession _session = transaction.Session;

    // A connection runs one command at a time; callers may ask concurrently.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task<IReadOnlyList<Relationship>> GetAdjacentRelationshipsAsync(IReadOnlyCollection<string> entities, Direction direction, IReadOnlySet<string> types, DateTimeOffset asOf, int limit, CancellationToken cancellationToken) =>
        Serialized<IReadOnlyList<Relationship>>(async () => entities.Count == 0
            ? []
            : await RelationshipTable.AdjacentAsync(_session, [.. entities.Select(Ids.OfEntity).Distinct()], direction, types, Timestamp.FromDateTimeOffset(asOf), limit, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Entity>> GetEntitiesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        Serialized<IReadOnlyList<Entity>>(async () => await EntityTable.FindManyAsync(_session, names, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Relationship>> GetRelationshipsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        Serialized<IReadOnlyList<Relationship>>(async () => await RelationshipTable.FindManyAsync(_session, names, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Entity>> ListEntitiesAsync(EntityListQuery query, CancellationToken cancellationToken) =>
        Serialized<IReadOnlyList<Entity>>(async () => await EntityTable.ListAsync(_session, query, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Relationship>> ListRelationshipsAsync(RelationshipListQuery query, CancellationToken cancellationToken) =>
        Serialized<IReadOnlyList<Relationship>>(async () => await RelationshipTable.ListAsync(_session, query, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Located<Entity>>> ListLocatedEntitiesAsync(EntityListQuery query, CancellationToken cancellationToken) =>
        Serialized<IReadOnlyList<Located<Entity>>>(async () => await EntityTable.ListLocatedAsync(_session, query, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Located<Relationship>>> ListLocatedRelationshipsAsync(RelationshipListQuery query, CancellationToken cancellationToken) =>
        Serialized<IReadOnlyList<Located<Relationship>>>(async () => await RelationshipTable.ListLocatedAsync(_session, query, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Entity>> GetEntitiesAtAsync(IReadOnlyCollection<long> locators, CancellationToken cancellationToken) =>
        Serialized<IReadOnlyList<Entity>>(async () => locators.Count == 0 ? [] : await EntityTable.FindAtAsync(_session, locators, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Relationship>> GetRelationshipsAtAsync(IReadOnlyCollection<long> locators, CancellationToken cancellationToken) =>
        Serialized<IReadOnlyList<Relationship>>(async () => locators.Count == 0 ? [] : await RelationshipTable.FindAtAsync(_session, locators, cancellationToken), cancellationToken);

    public async IAsyncEnumerable<SearchCandidate> SearchCandidatesAsync(string normalizedQuery, IReadOnlyCollection<string> kinds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await foreach (var (id, searchText) in EntityTable.SearchCandidatesAsync(_session, normalizedQuery, kinds, cancellationToken))
                yield return new SearchCandidate(ResourceNames.Entity(id), searchText);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        _gate.Dispose();
    }

    private async Task<T> Serialized<T>(Func<Task<T>> read, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await read();
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (SqliteDatabase.IsBusyOrUnavailable(e))
        {
            throw SqliteDatabase.Unavailable(e);
        }
        finally
        {
            _gate.Release();
        }
    }
}
