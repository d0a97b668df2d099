using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Ontology;

/// <summary>Consistency checks run when the ontology is loaded, so a bad data file fails at start-up.</summary>
internal static class OntologyChecks
{
    public static List<string> Find(Schema schema)
    {
        var problems = new List<string>();
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in schema.EntityKinds)
        {
            if (string.IsNullOrWhiteSpace(kind.Name)) problems.Add("an entity kind has no name");
            else if (!kinds.Add(kind.Name)) problems.Add($"entity kind {kind.Name} is defined twice");
            CheckProperties($"kind {kind.Name}", kind.Properties, problems);
        }

        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in schema.RelationshipTypes)
        {
            if (string.IsNullOrWhiteSpace(type.Name)) problems.Add("a relationship type has no name");
            else if (!types.Add(type.Name)) problems.Add($"relationship type {type.Name} is defined twice");
            if (type.SourceKinds.Count == 0 || type.TargetKinds.Count == 0) problems.Add($"type {type.Name} must name its source and target kinds");
            foreach (var kind in type.SourceKinds.Concat(type.TargetKinds).Where(k => !kinds.Contains(k)))
                problems.Add($"type {type.Name} names unknown kind {kind}");
            CheckProperties($"type {type.Name}", type.Properties, problems);

            var dependency = type.Dependency;
            if (dependency is null || dependency.Direction == DependencyDirection.Unspecified)
                problems.Add($"type {type.Name} must state its dependency direction");
            else if (!string.IsNullOrEmpty(dependency.WeightProperty))
            {
                var weight = type.Properties.FirstOrDefault(p => p.Name == dependency.WeightProperty);
                if (dependency.Direction == DependencyDirection.NoDependency)
                    problems.Add($"type {type.Name} carries no dependency but names a weight property");
                else if (weight is null || weight.Type != PropertyType.Number)
                    problems.Add($"type {type.Name}: weight property {dependency.WeightProperty} must be a NUMBER");
            }
        }

        foreach (var reference in schema.EntityKinds.SelectMany(k => k.Properties).Concat(schema.RelationshipTypes.SelectMany(t => t.Properties))
                     .Where(p => p.ReferenceKind.Length > 0 && !kinds.Contains(p.ReferenceKind)))
            problems.Add($"property {reference.Name} references unknown kind {reference.ReferenceKind}");
        return problems;
    }

    private static void CheckProperties(string owner, IEnumerable<PropertyDefinition> properties, List<string> problems)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            if (!names.Add(property.Name)) problems.Add($"{owner} defines property {property.Name} twice");
            if (property.Type == PropertyType.Unspecified) problems.Add($"{owner}: property {property.Name} has no type");
            if (property.ReferenceKind.Length > 0 && property.Type != PropertyType.String)
                problems.Add($"{owner}: reference property {property.Name} must be a STRING");
        }
    }
}
