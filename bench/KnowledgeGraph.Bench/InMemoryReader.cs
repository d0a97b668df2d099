using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Bench;

/// <summary>The baseline: the same traversal over adjacency held in dictionaries (no validity windows in the synthetic graph).</summary>
internal sealed class InMemoryReader : IGraphReader
{
    private readonly Dictionary<string, Entity> _entities;
    private readonly ILookup<string, Relationship> _outgoing;
    private readonly ILookup<string, Relationship> _incoming;

    public InMemoryReader(SyntheticGraph graph)
    {
        _entities = graph.Entities.ToDictionary(e => e.Name);
        _outgoing = graph.Relationships.ToLookup(r => r.Source);
        _incoming = graph.Relationships.ToLookup(r => r.Target);
    }

    public Task<IReadOnlyList<Relationship>> GetAdjacentRelationshipsAsync(IReadOnlyCollection<string> entities, Direction direction, IReadOnlySet<string> types, DateTimeOffset asOf, int limit, CancellationToken cancellationToken)
    {
        IEnumerable<Relationship> found = [];
        if (direction is Direction.Outgoing or Direction.Both) found = found.Concat(entities.SelectMany(e => _outgoing[e]));
        if (direction is Direction.Incoming or Direction.Both) found = found.Concat(entities.SelectMany(e => _incoming[e]));
        IReadOnlyList<Relationship> result = found.Where(r => types.Count == 0 || types.Contains(r.Type)).Distinct().OrderBy(r => r.Name, StringComparer.Ordinal).Take(limit).ToList();
        return Task.FromResult(result);
    }

    public Task<IReadOnlyList<Entity>> GetEntitiesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        IReadOnlyList<Entity> found = names.Where(_entities.ContainsKey).Distinct().Select(n => _entities[n]).ToList();
        return Task.FromResult(found);
    }
}
