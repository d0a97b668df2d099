using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Projection;

/// <summary>
/// The ontology as the projection uses it: entity kinds and relationship types as small integers,
/// type sets as bit masks, and how a relationship becomes a <see cref="ProjectedEdge"/>.
/// </summary>
public sealed class ProjectionSchema
{
    /// <summary>The kind byte of an id that is not (or no longer) an entity: a commodity name nobody created, a deleted entity.</summary>
    public const byte Absent = byte.MaxValue;

    public const string CommodityProperty = "commodity";

    private readonly Dictionary<string, byte> _kinds;
    private readonly Dictionary<string, byte> _types;

    public ProjectionSchema(GraphOntology ontology)
    {
        Ontology = ontology;
        var kinds = ontology.Schema.EntityKinds.Select(k => k.Name).ToList();
        var types = ontology.Schema.RelationshipTypes.Select(t => t.Name).ToList();
        if (kinds.Count >= Absent || types.Count > 64)
            throw new InvalidDataException($"The projection holds at most {Absent - 1} kinds and 64 relationship types; the ontology has {kinds.Count} and {types.Count}.");
        KindNames = kinds;
        _kinds = kinds.Select((k, i) => (k, (byte)i)).ToDictionary(p => p.k, p => p.Item2, StringComparer.Ordinal);
        _types = types.Select((t, i) => (t, (byte)i)).ToDictionary(p => p.t, p => p.Item2, StringComparer.Ordinal);
        AllTypes = types.Count == 64 ? ulong.MaxValue : (1UL << types.Count) - 1;
        ProviderIsTarget = TypesWith(ontology, DependencyDirection.SourceDependsOnTarget);
        ProviderIsSource = TypesWith(ontology, DependencyDirection.TargetDependsOnSource);
    }

    public GraphOntology Ontology { get; }
    public IReadOnlyList<string> KindNames { get; }
    public ulong AllTypes { get; }

    /// <summary>Types whose source depends on their target (DEPENDS_ON, LOCATED_IN): followed outgoing upstream.</summary>
    public ulong ProviderIsTarget { get; }

    /// <summary>Types whose target depends on their source (SUPPLIES, EXTRACTS ...): followed incoming upstream.</summary>
    public ulong ProviderIsSource { get; }

    public byte KindOf(string kind) => _kinds.TryGetValue(kind, out var k) ? k : Absent;

    public string KindName(byte kind) => kind == Absent ? "" : KindNames[kind];

    /// <summary>The bits of <paramref name="types"/> (empty: every type).</summary>
    public ulong Mask(IReadOnlySet<string> types) =>
        types.Count == 0 ? AllTypes : types.Aggregate(0UL, (mask, t) => _types.TryGetValue(t, out var bit) ? mask | (1UL << bit) : mask);

    /// <summary>The edge a relationship becomes, with names resolved to ids by the given tables.</summary>
    public ProjectedEdge EdgeOf(Relationship relationship, int id, Func<string, int> entityId)
    {
        var commodity = relationship.Properties.TryGetValue(CommodityProperty, out var value) && value.AsString() is { } named
            ? ResourceNames.IsEntityName(named) ? entityId(named) : ProjectedEdge.UnknownCommodity
            : ProjectedEdge.NoCommodity;
        return new ProjectedEdge(
            id,
            entityId(relationship.Source),
            entityId(relationship.Target),
            _types.TryGetValue(relationship.Type, out var type) ? type : throw new InvalidDataException($"{relationship.Name} has type {relationship.Type}, which the ontology does not define."),
            Ontology.DependencyWeight(relationship) ?? ProjectedEdge.UnknownWeight,
            relationship.ValidFrom is { } from ? from.ToDateTimeOffset().UtcTicks : ProjectedEdge.OpenStart,
            relationship.ValidTo is { } to ? to.ToDateTimeOffset().UtcTicks : ProjectedEdge.OpenEnd,
            commodity);
    }

    private ulong TypesWith(GraphOntology ontology, DependencyDirection direction) =>
        ontology.Schema.RelationshipTypes.Where(t => t.Dependency.Direction == direction).Aggregate(0UL, (mask, t) => mask | (1UL << _types[t.Name]));
}
