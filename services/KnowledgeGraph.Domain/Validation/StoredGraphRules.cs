using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Validation;

/// <summary>A stored relationship touching an entity, with its endpoints' current kinds.</summary>
public sealed record IncidentRelationship(string Name, string Type, string Source, string Target, string SourceKind, string TargetKind);

/// <summary>
/// Rules that need the stored graph, shared by every store so they refuse the same writes with the
/// same errors. Each store reads what the rule needs inside the write's transaction.
/// </summary>
public static class StoredGraphRules
{
    /// <summary>INVALID_ARGUMENT when <paramref name="entityName"/> becoming <paramref name="newKind"/> would break one of its relationships.</summary>
    public static GraphException? KindChangeConflict(GraphOntology ontology, string entityName, string newKind, IEnumerable<IncidentRelationship> incidents)
    {
        foreach (var incident in incidents)
        {
            var type = ontology.FindType(incident.Type);
            if (type is null) continue;
            var sourceKind = incident.Source == entityName ? newKind : incident.SourceKind;
            var targetKind = incident.Target == entityName ? newKind : incident.TargetKind;
            if (!type.SourceKinds.Contains(sourceKind) || !type.TargetKinds.Contains(targetKind))
                return GraphException.InvalidArgument(ErrorReasons.WrongEndpointKind, "entity.kind",
                    $"{entityName} cannot become a {newKind}: its relationship {incident.Name} is {type.Name}, which goes from " +
                    $"{string.Join(" or ", type.SourceKinds)} to {string.Join(" or ", type.TargetKinds)}");
        }
        return null;
    }

    /// <summary>INVALID_ARGUMENT (IMMUTABLE_FIELD) when a write would change a relationship's type or endpoints.</summary>
    public static GraphException? ImmutableChange(Relationship stored, Relationship incoming)
    {
        string? field = stored.Type != incoming.Type ? "type" : stored.Source != incoming.Source ? "source" : stored.Target != incoming.Target ? "target" : null;
        return field is null
            ? null
            : GraphException.InvalidArgument(ErrorReasons.ImmutableField, $"relationship.{field}",
                $"cannot change from '{Field(stored, field)}' to '{Field(incoming, field)}'; delete the relationship and create a new one");

        static string Field(Relationship r, string f) => f switch { "type" => r.Type, "source" => r.Source, _ => r.Target };
    }
}
