using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Projection;

/// <summary>
/// Builds the first version of the projection from a stream of the store's entities and
/// relationships, each in name order (as the store lists them, which makes their names cheap to
/// add; any order is right), holding only the compact columns: no resource stays in memory after
/// it is read.
/// </summary>
public sealed class ProjectionLoader(ProjectionSchema schema)
{
    private readonly NameTable.Builder _entities = new();
    private readonly NameTable.Builder _relationships = new();
    private readonly EdgeColumns _edges = new();
    private readonly StoreLocators.Builder _locators = new();
    private byte[] _kinds = new byte[1024];

    public int Entities { get; private set; }
    public int Relationships => _edges.Count;

    /// <summary>Adds <paramref name="entity"/>, which the store keeps at <paramref name="locator"/>.</summary>
    public void Add(Entity entity, long locator = StoreLocators.None)
    {
        if (!ResourceNames.TryParseEntity(entity.Name, out var id)) return;
        var entityId = _entities.GetOrAdd(id);
        SetKind(entityId, schema.KindOf(entity.Kind));
        _locators.Entity(entityId, locator);
        Entities++;
    }

    /// <summary>Adds <paramref name="relationship"/>, which the store keeps at <paramref name="locator"/>.</summary>
    public void Add(Relationship relationship, long locator = StoreLocators.None)
    {
        if (!ResourceNames.TryParseRelationship(relationship.Name, out var id)) return;
        var relationshipId = _relationships.GetOrAdd(id);
        _edges.Add(schema.EdgeOf(relationship, relationshipId, EntityIdOf));
        _locators.Relationship(relationshipId, locator);
    }

    /// <summary>The version holding everything added, as of change-feed position <paramref name="position"/>.</summary>
    public ProjectionVersion Build(long position)
    {
        var kinds = new byte[_entities.Count];
        Array.Copy(_kinds, kinds, Math.Min(_kinds.Length, kinds.Length));
        for (var id = Math.Min(_kinds.Length, kinds.Length); id < kinds.Length; id++) kinds[id] = ProjectionSchema.Absent;
        return ProjectionVersion.Built(schema, _entities.ToTable(), _relationships.ToTable(), _edges, kinds, _locators.ToLocators(), position);
    }

    private int EntityIdOf(string name)
    {
        if (!ResourceNames.TryParseEntity(name, out var id)) throw new InvalidDataException($"'{name}' is not an entity name.");
        var known = _entities.Count;
        var entityId = _entities.GetOrAdd(id);
        if (entityId >= known) SetKind(entityId, ProjectionSchema.Absent);
        return entityId;
    }

    private void SetKind(int entity, byte kind)
    {
        if (entity >= _kinds.Length)
        {
            var grown = new byte[Math.Max(entity + 1, _kinds.Length * 2)];
            Array.Copy(_kinds, grown, _kinds.Length);
            Array.Fill(grown, ProjectionSchema.Absent, _kinds.Length, grown.Length - _kinds.Length);
            _kinds = grown;
        }
        _kinds[entity] = kind;
    }
}
