using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.Store.Neo4j.Http;
using KnowledgeGraph.Store.Neo4j.Mapping;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Neo4j.UnitOfWork;

/// <summary>
/// A unit of work over one explicit Query API transaction. Reads lock what they read until the unit
/// ends; writes wait in <see cref="PendingWrites"/> until <see cref="CommitAsync"/> flushes and commits
/// them. What goes wrong inside is reported as the port asks: a unique-constraint violation or a
/// transient error (deadlock, leader switch ...) is a <see cref="StoreConflictException"/> (the core
/// reruns the unit); memory exhaustion, an unreachable server or a failed commit is UNAVAILABLE.
/// </summary>
internal sealed class Neo4jUnitOfWork(
    QueryApiTransaction tx,
    IReadOnlyList<string> beganAfter,
    BookmarkSet bookmarks,
    WriteFlusher flusher,
    string location) : IUnitOfWork
{
    private readonly PendingWrites _writes = new();

    public Task<IReadOnlyDictionary<string, Entity>> GetEntitiesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        InTransactionAsync<IReadOnlyDictionary<string, Entity>>("UnitOfWork.GetEntities", async () =>
        {
            if (names.Count == 0) return new Dictionary<string, Entity>();
            var result = await tx.RunAsync(EntityStatements.Lock.Bind(("ids", names.Select(PropertyMaps.EntityId).Distinct().ToList())), cancellationToken);
            return ByName(result.Rows.Select(StoredRows.Entity), e => e.Name, names);
        });

    public Task<IReadOnlyDictionary<string, Relationship>> GetRelationshipsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        InTransactionAsync<IReadOnlyDictionary<string, Relationship>>("UnitOfWork.GetRelationships", async () =>
        {
            if (names.Count == 0) return new Dictionary<string, Relationship>();
            var result = await tx.RunAsync(RelationshipStatements.Lock.Bind(("ids", names.Select(PropertyMaps.RelationshipId).Distinct().ToList())), cancellationToken);
            return ByName(result.Rows.Select(StoredRows.Relationship), r => r.Name, names);
        });

    public Task<IReadOnlyList<IncidentRelationship>> GetIncidentRelationshipsAsync(string entityName, CancellationToken cancellationToken) =>
        InTransactionAsync<IReadOnlyList<IncidentRelationship>>("UnitOfWork.GetIncidentRelationships", async () =>
        {
            var result = await tx.RunAsync(RelationshipStatements.LockIncident.Bind(("id", PropertyMaps.EntityId(entityName))), cancellationToken);
            return result.Rows.Select(r => new IncidentRelationship(
                r.Get<string>("name"), r.Get<string>("type"), r.Get<string>("source"), r.Get<string>("target"),
                r.GetString("source_kind") ?? "", r.GetString("target_kind") ?? "")).ToList();
        });

    public Task<RecordedRequest?> FindRequestAsync(string requestId, CancellationToken cancellationToken) =>
        InTransactionAsync("UnitOfWork.FindRequest", async () =>
        {
            var result = await tx.RunAsync(ServiceStatements.FindRequest.Bind(("id", requestId)), cancellationToken);
            return result.Rows.Count == 0 ? null : new RecordedRequest(result.Rows[0].Get<string>("method"), result.Rows[0].Get<byte[]>("response"));
        });

    public void Insert(Entity entity) => _writes.Entities.Insert(entity.Name, entity.Clone());
    public void Replace(Entity entity) => _writes.Entities.Replace(entity.Name, entity.Clone());
    public void DeleteEntity(string name) => _writes.Entities.Delete(name);

    public void Insert(Relationship relationship) => _writes.Relationships.Insert(relationship.Name, relationship.Clone());
    public void Replace(Relationship relationship) => _writes.Relationships.Replace(relationship.Name, relationship.Clone());
    public void DeleteRelationship(string name) => _writes.Relationships.Delete(name);

    public void RecordRequest(string requestId, string method, byte[] response) => _writes.Requests.Add((requestId, method, response.ToArray()));

    public Task<string> CommitAsync(CancellationToken cancellationToken) =>
        StoreOperation.RunAsync("UnitOfWork.Commit", location, async () =>
        {
            await InTransactionAsync("UnitOfWork.Flush", async () =>
            {
                await flusher.FlushAsync(tx, _writes, cancellationToken);
                return true;
            });
            IReadOnlyList<string> committed;
            try
            {
                committed = await tx.CommitAsync(cancellationToken);
            }
            catch (Exception e) when (Neo4jErrors.IsConstraintViolation(e))
            {
                throw Conflict(e);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The transaction was rolled back (best effort); whether the commit happened is unknown, and it is never sent twice.
                throw Neo4jErrors.Unavailable($"Neo4j at {location} did not confirm the commit ({e.Message}); nothing was retried, read again before you retry.");
            }
            var state = committed.Count > 0 ? committed : beganAfter;
            bookmarks.Committed(beganAfter, committed);
            return ConsistencyTokens.Create(state);
        });

    public ValueTask DisposeAsync() => tx.DisposeAsync();

    /// <summary>Runs a request of this transaction; a conflict or a transient error asks the core to rerun the unit.</summary>
    private Task<T> InTransactionAsync<T>(string operation, Func<Task<T>> body) =>
        StoreOperation.RunAsync(operation, location, async () =>
        {
            try
            {
                return await body();
            }
            catch (Neo4jServerException e) when (Neo4jErrors.IsConstraintViolation(e) || (e.IsTransient && !Neo4jErrors.IsMemoryError(e)))
            {
                throw Conflict(e);
            }
        });

    private static StoreConflictException Conflict(Exception e) =>
        new($"A concurrent write got in the way of this unit of work ({e.Message}); run it again.", e);

    private static IReadOnlyDictionary<string, T> ByName<T>(IEnumerable<T> found, Func<T, string> name, IReadOnlyCollection<string> wanted)
    {
        var asked = wanted.ToHashSet(StringComparer.Ordinal);
        return found.Where(item => asked.Contains(name(item))).ToDictionary(name, StringComparer.Ordinal);
    }
}
