using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Reference;

/// <summary>
/// A unit of work of the reference store. It holds the store's only write slot from begin to dispose,
/// so the state it read stays the committed state until it ends. Writes are buffered and applied by
/// <see cref="CommitAsync"/> in the port's order, each appending one change to the feed.
/// </summary>
internal sealed class ReferenceUnitOfWork(ReferenceGraphStore store, GraphState read, DateTimeOffset now) : IUnitOfWork
{
    private readonly List<string> _relationshipDeletes = [];
    private readonly List<string> _entityDeletes = [];
    private readonly List<(Entity Entity, bool IsNew)> _entities = [];
    private readonly List<(Relationship Relationship, bool IsNew)> _relationships = [];
    private readonly List<(string RequestId, RecordedRequest Request)> _requests = [];
    private bool _disposed;

    public Task<IReadOnlyDictionary<string, Entity>> GetEntitiesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, Entity>>(read.FindEntities(names).ToDictionary(e => e.Name, StringComparer.Ordinal));

    public Task<IReadOnlyDictionary<string, Relationship>> GetRelationshipsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, Relationship>>(read.FindRelationships(names).ToDictionary(r => r.Name, StringComparer.Ordinal));

    public Task<IReadOnlyList<IncidentRelationship>> GetIncidentRelationshipsAsync(string entityName, CancellationToken cancellationToken) =>
        Task.FromResult(read.Incidents(entityName));

    public Task<RecordedRequest?> FindRequestAsync(string requestId, CancellationToken cancellationToken) =>
        Task.FromResult(read.Requests.TryGetValue(requestId, out var recorded) ? recorded.Request : null);

    public void Insert(Entity entity) => _entities.Add((entity.Clone(), true));
    public void Replace(Entity entity) => _entities.Add((entity.Clone(), false));
    public void DeleteEntity(string name) => _entityDeletes.Add(name);
    public void Insert(Relationship relationship) => _relationships.Add((relationship.Clone(), true));
    public void Replace(Relationship relationship) => _relationships.Add((relationship.Clone(), false));
    public void DeleteRelationship(string name) => _relationshipDeletes.Add(name);
    public void RecordRequest(string requestId, string method, byte[] response) => _requests.Add((requestId, new RecordedRequest(method, [.. response])));

    public Task<string> CommitAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var committed = Apply(read);
        store.Publish(read, committed);
        return Task.FromResult(ReferenceGraphStore.FormatToken(committed.Head));
    }

    public ValueTask DisposeAsync()
    {
        if (!_disposed) store.ReleaseWriter();
        _disposed = true;
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The state after the buffered writes. A write that contradicts the state (inserting a name that
    /// exists, replacing or deleting one that does not, leaving a relationship without an endpoint,
    /// recording a request id twice) means the graph is not what the unit read: the commit is refused whole.
    /// </summary>
    private GraphState Apply(GraphState state)
    {
        var entities = state.Entities.ToBuilder();
        var relationships = state.Relationships.ToBuilder();
        var requests = state.Requests.ToBuilder();
        var changes = state.Changes.ToBuilder();
        foreach (var name in _relationshipDeletes)
        {
            Require(relationships.Remove(name), $"{name} does not exist");
            changes.Add((name, now));
        }
        foreach (var name in _entityDeletes)
        {
            Require(entities.Remove(name), $"{name} does not exist");
            changes.Add((name, now));
        }
        foreach (var (entity, isNew) in _entities)
        {
            Require(entities.ContainsKey(entity.Name) != isNew, isNew ? $"{entity.Name} exists already" : $"{entity.Name} does not exist");
            entities[entity.Name] = entity;
            changes.Add((entity.Name, now));
        }
        foreach (var (relationship, isNew) in _relationships)
        {
            Require(relationships.ContainsKey(relationship.Name) != isNew, isNew ? $"{relationship.Name} exists already" : $"{relationship.Name} does not exist");
            relationships[relationship.Name] = relationship;
            changes.Add((relationship.Name, now));
        }
        foreach (var relationship in relationships.Values)
            Require(entities.ContainsKey(relationship.Source) && entities.ContainsKey(relationship.Target), $"{relationship.Name} would lose an endpoint");
        foreach (var (requestId, request) in _requests)
        {
            Require(!requests.ContainsKey(requestId), $"request {requestId} is recorded already");
            requests.Add(requestId, (request, now));
        }
        return new GraphState(entities.ToImmutable(), relationships.ToImmutable(), requests.ToImmutable(), changes.ToImmutable(), state.Floor);
    }

    private static void Require(bool holds, string conflict)
    {
        if (!holds) throw new StoreConflictException($"the graph changed under the write: {conflict}");
    }
}
