using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.UnitTests.Traversal;

/// <summary>
/// An <see cref="IGraphReader"/> over relationships held in memory, filtering by direction, type and
/// validity (valid_from &lt;= as_of &lt; valid_to, open ends unbounded) and ordering by name as a real
/// store does. Built fluently with short ids: <c>new InMemoryGraph().Edge("r1", "SUPPLIES", "ru", "jp", share: 0.09)</c>
/// creates <c>relationships/r1</c> from <c>entities/ru</c> to <c>entities/jp</c>. It counts reader calls.
/// </summary>
public sealed class InMemoryGraph : IGraphReader
{
    private readonly Dictionary<string, Entity> _entities = new(StringComparer.Ordinal);
    private readonly List<Relationship> _relationships = [];

    public int RelationshipCalls { get; private set; }

    /// <summary>The most relationships one call has returned: what a traversal held in memory at once.</summary>
    public int LargestResponse { get; private set; }

    public static string E(string id) => "entities/" + id;
    public static string R(string id) => "relationships/" + id;

    public InMemoryGraph Entity(string id, string kind = "Country")
    {
        _entities[E(id)] = new Entity { Name = E(id), Kind = kind, DisplayName = id.ToUpperInvariant() };
        return this;
    }

    public InMemoryGraph Edge(string id, string type, string source, string target,
        double? share = null, string? commodity = null, DateTimeOffset? validFrom = null, DateTimeOffset? validTo = null)
    {
        if (!_entities.ContainsKey(E(source))) Entity(source);
        if (!_entities.ContainsKey(E(target))) Entity(target);
        var relationship = new Relationship
        {
            Name = R(id),
            Type = type,
            Source = E(source),
            Target = E(target),
            ValidFrom = validFrom is { } f ? Timestamp.FromDateTimeOffset(f) : null,
            ValidTo = validTo is { } t ? Timestamp.FromDateTimeOffset(t) : null,
        };
        if (share is { } s) relationship.Properties["share"] = PropertyValues.Of(s);
        if (commodity is not null) relationship.Properties["commodity"] = PropertyValues.Of(E(commodity));
        relationship.Sources.Add(new Source { Document = "test", Quote = $"{source} {type} {target}" });
        _relationships.Add(relationship);
        return this;
    }

    public Task<IReadOnlyList<Relationship>> GetAdjacentRelationshipsAsync(IReadOnlyCollection<string> entities, Direction direction, IReadOnlySet<string> types, DateTimeOffset asOf, int limit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        RelationshipCalls++;
        var wanted = entities.ToHashSet(StringComparer.Ordinal);
        var at = Timestamp.FromDateTimeOffset(asOf);
        IReadOnlyList<Relationship> found = _relationships
            .Where(r => direction switch
            {
                Direction.Outgoing => wanted.Contains(r.Source),
                Direction.Incoming => wanted.Contains(r.Target),
                _ => wanted.Contains(r.Source) || wanted.Contains(r.Target),
            })
            .Where(r => types.Count == 0 || types.Contains(r.Type))
            .Where(r => (r.ValidFrom is null || r.ValidFrom.CompareTo(at) <= 0) && (r.ValidTo is null || at.CompareTo(r.ValidTo) < 0))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        LargestResponse = Math.Max(LargestResponse, found.Count);
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<Entity>> GetEntitiesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        IReadOnlyList<Entity> found = [.. names.Distinct().Where(_entities.ContainsKey).Select(n => _entities[n])];
        return Task.FromResult(found);
    }
}
