using KnowledgeGraph.Domain.Projection;
using KnowledgeGraph.Domain.Projection.Search;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.Store;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Application.Projection;

/// <summary>
/// The full entities and relationships (properties, validity, sources) behind what a projection
/// search returned, read from the store in one batched call each, and the API paths built from them.
/// A relationship deleted since the projection's version has no evidence: a path through it is
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

    public static async Task<Evidence> LoadAsync(IGraphStore store, ReadConsistency consistency, ProjectionVersion graph,
        IEnumerable<int> entityIds, IEnumerable<int> relationshipIds, CancellationToken cancellationToken)
    {
        var entityNames = entityIds.Distinct().Select(graph.EntityName).ToList();
        var relationshipNames = relationshipIds.Distinct().Select(graph.RelationshipName).ToList();
        await using var snapshot = await store.OpenSnapshotAsync(consistency, cancellationToken);
        var entities = entityNames.Count == 0 ? [] : await snapshot.GetEntitiesAsync(entityNames, cancellationToken);
        var relationships = relationshipNames.Count == 0 ? [] : await snapshot.GetRelationshipsAsync(relationshipNames, cancellationToken);
        return new Evidence(graph,
            entities.ToDictionary(e => e.Name, StringComparer.Ordinal),
            relationships.ToDictionary(r => r.Name, StringComparer.Ordinal));
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
