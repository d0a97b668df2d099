using Google.Protobuf;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Ontology;

/// <summary>
/// The entity kinds and relationship types the graph allows, and what each type means for
/// dependency. Loaded from <c>data/ontology.json</c> (the JSON form of the <see cref="Schema"/>
/// message) and served as it is by QueryService.GetSchema.
/// </summary>
public sealed class GraphOntology
{
    public const string FileName = "ontology.json";

    private readonly Dictionary<string, EntityKind> _kinds;
    private readonly Dictionary<string, RelationshipType> _types;

    public Schema Schema { get; }

    private GraphOntology(Schema schema)
    {
        Schema = schema;
        _kinds = schema.EntityKinds.ToDictionary(k => k.Name, StringComparer.Ordinal);
        _types = schema.RelationshipTypes.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>The ontology shipped next to the assembly (copied from <c>data/ontology.json</c>).</summary>
    public static GraphOntology Default { get; } = Load(Path.Combine(AppContext.BaseDirectory, FileName));

    public static GraphOntology Load(string path) => Parse(File.ReadAllText(path));

    public static GraphOntology Parse(string json)
    {
        var schema = JsonParser.Default.Parse<Schema>(json);
        var problems = OntologyChecks.Find(schema);
        if (problems.Count > 0)
            throw new InvalidDataException("The ontology is inconsistent: " + string.Join("; ", problems));
        return new GraphOntology(schema);
    }

    public IEnumerable<string> KindNames => _kinds.Keys;
    public IEnumerable<string> TypeNames => _types.Keys;

    public EntityKind? FindKind(string name) => _kinds.GetValueOrDefault(name);
    public RelationshipType? FindType(string name) => _types.GetValueOrDefault(name);

    /// <summary>Types that carry dependency, in the order the ontology lists them.</summary>
    public IEnumerable<RelationshipType> DependencyTypes =>
        Schema.RelationshipTypes.Where(t => t.Dependency.Direction is DependencyDirection.SourceDependsOnTarget or DependencyDirection.TargetDependsOnSource);

    /// <summary>
    /// The weight a relationship carries as a dependency: its weight property (validated to lie in
    /// (0, 1]), 1 when its type has no weight property, or null when the type has one and the
    /// relationship leaves it out: a dependency stated without its share, never read as 0 or 1.
    /// </summary>
    public double? DependencyWeight(Relationship relationship)
    {
        var weightProperty = FindType(relationship.Type)?.Dependency.WeightProperty;
        if (string.IsNullOrEmpty(weightProperty)) return 1.0;
        return relationship.Properties.TryGetValue(weightProperty, out var value) ? value.AsDouble() : null;
    }
}
