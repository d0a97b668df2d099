using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.V1;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>
/// A unit of work on the SQLite file: one IMMEDIATE transaction, so nothing it reads can change
/// until it ends. Writes are buffered and applied at commit, each with a change-log row (appended in
/// one statement after them); the last row's sequence is the commit's consistency token. An
/// <paramref name="import"/> unit (on a connection that does not check foreign keys) refuses deletes.
/// </summary>
internal sealed class SqliteUnitOfWork(OpenTransaction transaction, TimeProvider time, bool import = false) : IUnitOfWork
{
    private readonly SqlSession _session = transaction.Session;
    private readonly List<string> _relationshipDeletes = [];
    private readonly List<string> _entityDeletes = [];
    private readonly List<(Entity Entity, bool IsNew)> _entities = [];
    private readonly List<(Relationship Relationship, bool IsNew)> _relationships = [];
    private readonly List<(string RequestId, string Method, byte[] Response)> _requests = [];

    /// <summary>The keys of the entities this unit read, by name: a relationship written to one of them binds its key instead of looking it up again.</summary>
    private readonly Dictionary<string, long> _entityKeys = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, Entity>> GetEntitiesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var found = await EntityTable.FindManyWithKeysAsync(_session, names, cancellationToken);
        foreach (var (entity, key) in found) _entityKeys[entity.Name] = key;
        return found.ToDictionary(e => e.Resource.Name, e => e.Resource, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, string>> GetEntityKindsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var found = await EntityTable.FindKindsWithKeysAsync(_session, names, cancellationToken);
        var kinds = new Dictionary<string, string>(found.Count, StringComparer.Ordinal);
        foreach (var (name, kind, key) in found)
        {
            _entityKeys[name] = key;
            kinds[name] = kind;
        }
        return kinds;
    }

    public async Task<IReadOnlyDictionary<string, Relationship>> GetRelationshipsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        (await RelationshipTable.FindManyAsync(_session, names, cancellationToken)).ToDictionary(r => r.Name, StringComparer.Ordinal);

    public async Task<IReadOnlyList<IncidentRelationship>> GetIncidentRelationshipsAsync(string entityName, CancellationToken cancellationToken) =>
        await RelationshipTable.IncidentsAsync(_session, entityName, cancellationToken);

    public Task<RecordedRequest?> FindRequestAsync(string requestId, CancellationToken cancellationToken) =>
        RequestLog.FindAsync(_session, requestId, cancellationToken);

    public void Insert(Entity entity) => _entities.Add((entity, true));
    public void Replace(Entity entity) => _entities.Add((entity, false));
    public void DeleteEntity(string name) => _entityDeletes.Add(ImportsDeleteNothing(name));
    public void Insert(Relationship relationship) => _relationships.Add((relationship, true));
    public void Replace(Relationship relationship) => _relationships.Add((relationship, false));
    public void DeleteRelationship(string name) => _relationshipDeletes.Add(ImportsDeleteNothing(name));
    public void RecordRequest(string requestId, string method, byte[] response) => _requests.Add((requestId, method, response));

    public async Task<string> CommitAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var changes = new List<(string, string)>(_relationshipDeletes.Count + _entityDeletes.Count + _entities.Count + _relationships.Count);
        void Log(string op, string name) => changes.Add((op, name));
        try
        {
            foreach (var name in _relationshipDeletes)
            {
                Log(ChangeLog.Delete, name);
                Written(await RelationshipTable.DeleteAsync(_session, name, cancellationToken), name);
            }
            foreach (var name in _entityDeletes)
            {
                Log(ChangeLog.Delete, name);
                Written(await EntityTable.DeleteAsync(_session, name, cancellationToken), name);
            }
            foreach (var (entity, isNew) in _entities)
            {
                Log(isNew ? ChangeLog.Create : ChangeLog.Update, entity.Name);
                Written(await (isNew ? EntityTable.InsertAsync(_session, entity, cancellationToken) : EntityTable.UpdateAsync(_session, entity, cancellationToken)), entity.Name);
            }
            // An entity deleted or made anew by this unit has no key read before it; an update keeps its key.
            foreach (var name in _entityDeletes.Concat(_entities.Where(e => e.IsNew).Select(e => e.Entity.Name))) _entityKeys.Remove(name);
            foreach (var (relationship, isNew) in _relationships)
            {
                Log(isNew ? ChangeLog.Create : ChangeLog.Update, relationship.Name);
                var keys = (KnownKey(relationship.Source), KnownKey(relationship.Target));
                Written(await (isNew
                    ? RelationshipTable.InsertAsync(_session, relationship, keys, cancellationToken)
                    : RelationshipTable.UpdateAsync(_session, relationship, keys, cancellationToken)), relationship.Name);
            }
            var seq = await ChangeLog.AppendAllAsync(_session, changes, now, cancellationToken) ?? await ChangeLog.LastSeqAsync(_session, cancellationToken);
            foreach (var (requestId, method, response) in _requests)
                await RequestLog.RecordAsync(_session, requestId, method, response, seq, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return ConsistencyToken.Format(seq);
        }
        catch (SqliteException e) when (SqliteDatabase.IsConstraintViolation(e))
        {
            throw new StoreConflictException($"the graph changed under the write: {e.Message}", e);
        }
        catch (SqliteException e) when (SqliteDatabase.IsBusyOrUnavailable(e))
        {
            throw SqliteDatabase.Unavailable(e);
        }
    }

    public ValueTask DisposeAsync() => transaction.DisposeAsync();

    private string ImportsDeleteNothing(string name) =>
        import ? throw new InvalidOperationException($"An import unit of work deletes nothing (asked to delete {name}).") : name;

    private long? KnownKey(string entity) => _entityKeys.TryGetValue(entity, out var key) ? key : null;

    /// <summary>A replace or delete that found no row: the name the caller read is gone, so the whole unit is refused.</summary>
    private static void Written(int rows, string name)
    {
        if (rows == 0) throw new StoreConflictException($"the graph changed under the write: {name} does not exist");
    }
}
