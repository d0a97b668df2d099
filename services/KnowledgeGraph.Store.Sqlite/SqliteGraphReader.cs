using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.V1;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>
/// The traversal algorithms' view of the file: one connection in one read transaction, so every
/// hop of a query sees the same snapshot (WAL readers never block writers). Dispose to release it.
/// </summary>
internal sealed class SqliteGraphReader : IGraphReader, IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqlSession _session;

    // A connection runs one command at a time; the algorithms may ask concurrently.
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SqliteGraphReader(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
        _session = new SqlSession(connection, transaction);
    }

    public static async Task<SqliteGraphReader> OpenAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        return new SqliteGraphReader(connection, connection.BeginTransaction(deferred: true));
    }

    public Task<IReadOnlyList<Relationship>> GetRelationshipsAsync(IReadOnlyCollection<string> entities, Direction direction, IReadOnlySet<string> types, DateTimeOffset asOf, int limit, CancellationToken cancellationToken) =>
        Serialized<IReadOnlyList<Relationship>>(async () =>
            entities.Count == 0
                ? []
                : await RelationshipTable.AdjacentAsync(_session, [.. entities.Select(Ids.OfEntity).Distinct()], direction, types, Timestamp.FromDateTimeOffset(asOf), limit, cancellationToken));

    public Task<IReadOnlyDictionary<string, EntityRef>> GetEntityRefsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        Serialized<IReadOnlyDictionary<string, EntityRef>>(async () =>
        {
            var rows = await _session.QueryAsync(
                "SELECT id, kind, display_name FROM entities WHERE id IN (SELECT value FROM json_each($ids));",
                r => new EntityRef { Name = Domain.ResourceNames.Entity(r.GetString(0)), Kind = r.GetString(1), DisplayName = r.GetString(2) },
                cancellationToken, ("$ids", Ids.JsonArray(names.Select(Ids.OfEntity).Distinct())));
            return rows.ToDictionary(r => r.Name, StringComparer.Ordinal);
        });

    public Task<IReadOnlyList<Entity>> GetEntitiesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        Serialized<IReadOnlyList<Entity>>(async () => await EntityTable.FindManyAsync(_session, names, cancellationToken));

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
        _gate.Dispose();
    }

    private async Task<T> Serialized<T>(Func<Task<T>> read)
    {
        await _gate.WaitAsync();
        try
        {
            return await read();
        }
        finally
        {
            _gate.Release();
        }
    }
}
