using KnowledgeGraph.Application.Telemetry;
using KnowledgeGraph.Domain.Projection;
using KnowledgeGraph.Domain.Projection.Search;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.Store;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Application.Projection;

/// <summary>
/// The full entities and relationships (properties, validity, sources) behind what a projection
/// search returned, from the <see cref="EvidenceCache"/> or read from the store in one batched call
/// each, and the API paths built from them.
/// A relationship deleted in the store since the projection's version has no evidence once the
/// cache no longer holds it (the feed evicts it as it applies the delete): a path through it is
/// dropped, since it no longer exists.
/// </summary>
internal sealed class Evidence
{
    private readonly ProjectionVersion _graph;
    private readonly Dictionary<string, Entity> _entities;
    private readonly Dictionary<string, Relationship> _relationships;
    private readonly PathBuilder _paths;

    private Evidence(ProjectionVersion graph, Dictionary<string, Entity> entities, Dictionary<string, Relationship> relationships)
    {
        _graph = graph;
        _entities = entities;
        _relationships = relationships;
        _paths = new PathBuilder(entities.ToDictionary(e => e.Key, e => PathBuilder.RefOf(e.Value), StringComparer.Ordinal));
    }

    /// <summary>
    /// The resources with these ids: those the cache holds, and the rest read from the store in one
    /// snapshot (none is opened when the cache holds them all), then kept in the cache.
    /// </summary>
    public static async Task<Evidence> LoadAsync(IGraphStore store, EvidenceCache cache, ReadConsistency consistency, ProjectionVersion graph,
        IEnumerable<int> entityIds, IEnumerable<int> relationshipIds, CancellationToken cancellationToken)
    {
        var generation = cache.Generation;
        var (entities, missingEntities) = Cached<Entity>(cache, entityIds, graph.EntityName, graph.Locators.Entity);
        var (relationships, missingRelationships) = Cached<Relationship>(cache, relationshipIds, graph.RelationshipName, graph.Locators.Relationship);
        var cached = entities.Count + relationships.Count;
        if (missingEntities.Count + missingRelationships.Count == 0)
        {
            ApplicationTelemetry.EvidenceGathered(cached, read: 0);
            return new Evidence(graph, entities, relationships);
        }

        await using var snapshot = await store.OpenSnapshotAsync(consistency, cancellationToken);
        var readEntities = await ReadAsync(missingEntities, snapshot.GetEntitiesAtAsync, snapshot.GetEntitiesAsync, e => e.Name, cancellationToken);
        var readRelationships = await ReadAsync(missingRelationships, snapshot.GetRelationshipsAtAsync, snapshot.GetRelationshipsAsync, r => r.Name, cancellationToken);
        cache.Fill(generation, readEntities.Values, e => e.Name);
        cache.Fill(generation, readRelationships.Values, r => r.Name);
        foreach (var (name, entity) in readEntities) entities[name] = entity;
        foreach (var (name, relationship) in readRelationships) relationships[name] = relationship;
        ApplicationTelemetry.EvidenceGathered(cached, readEntities.Count + readRelationships.Count);
        return new Evidence(graph, entities, relationships);
    }

    /// <summary>The resources with these ids that the cache holds, by name, and the locators of the others.</summary>
    private static (Dictionary<string, T> Found, Dictionary<string, long> Missing) Cached<T>(EvidenceCache cache, IEnumerable<int> ids, Func<int, string> nameOf, Func<int, long> locatorOf)
        where T : class, Google.Protobuf.IMessage
    {
        var found = new Dictionary<string, T>(StringComparer.Ordinal);
        var missing = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var name = nameOf(id);
            if (found.ContainsKey(name) || missing.ContainsKey(name)) continue;
            if (cache.TryGet<T>(name, out var resource)) found[name] = resource;
            else missing[name] = locatorOf(id);
        }
        return (found, missing);
    }

    /// <summary>
    /// The resources that exist in the store, by name: read at their locators, which skips the store's
    /// lookup by name (about 40 % of a trace's evidence read at 1M x 5M), then by name for those without
    /// one or whose locator no longer holds them (deleted since the load, perhaps made again). Both
    /// reads are in the one snapshot, so the answer is what a read by name alone would give.
    /// </summary>
    private static async Task<Dictionary<string, T>> ReadAsync<T>(Dictionary<string, long> wanted,
        Func<IReadOnlyCollection<long>, CancellationToken, Task<IReadOnlyList<T>>> readAt,
        Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyList<T>>> readByName,
        Func<T, string> name, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, T>(wanted.Count, StringComparer.Ordinal);
        if (wanted.Count == 0) return found;
        var located = wanted.Values.Where(l => l != StoreLocators.None).ToList();
        // What a stale locator reads is kept under its own name, so it stands for no other resource.
        if (located.Count > 0)
            foreach (var resource in await readAt(located, cancellationToken))
                if (wanted.ContainsKey(name(resource))) found[name(resource)] = resource;
        var rest = wanted.Keys.Where(n => !found.ContainsKey(n)).ToList();
        if (rest.Count > 0)
            foreach (var resource in await readByName(rest, cancellationToken)) found[name(resource)] = resource;
        return found;
    }

    /// <summary>The entities and relationships on <paramref name="paths"/>, to read in one go.</summary>
    public static (IEnumerable<int> Entities, IEnumerable<int> Relationships) On(IEnumerable<(int Start, ProjectedHop[] Hops)> paths)
    {
        var list = paths.ToList();
        return (list.SelectMany(p => p.Hops.Select(h => h.To).Prepend(p.Start)), list.SelectMany(p => p.Hops.Select(h => h.Relationship)));
    }

    public Entity? Entity(int entity) => _entities.GetValueOrDefault(_graph.EntityName(entity));

    public Relationship? Relationship(int relationship) => _relationships.GetValueOrDefault(_graph.RelationshipName(relationship));

    public EntityRef RefOf(int entity) => _paths.RefOf(_graph.EntityName(entity));

    /// <summary>The path from <paramref name="start"/> along <paramref name="hops"/>, or null when a relationship on it is gone.</summary>
    public GraphPath? Path(int start, IReadOnlyList<ProjectedHop> hops, Func<Relationship, double?> weight)
    {
        var steps = new List<TraversalStep>(hops.Count);
        var from = start;
        foreach (var hop in hops)
        {
            if (Relationship(hop.Relationship) is not { } relationship) return null;
            steps.Add(new TraversalStep(relationship, hop.Outgoing ? Direction.Outgoing : Direction.Incoming, _graph.EntityName(from), _graph.EntityName(hop.To)));
            from = hop.To;
        }
        return _paths.Build(_graph.EntityName(start), steps, weight);
    }
}
