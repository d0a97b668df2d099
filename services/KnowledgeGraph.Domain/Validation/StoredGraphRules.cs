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
    /// <summary>
    /// INVALID_ARGUMENT when <paramref name="entityName"/> becoming <paramref name="newKind"/> would break
    /// one of its relationships. <paramref name="kindOf"/> gives the other endpoints' kinds where the
    /// same write changes them too; otherwise their stored kinds count.
    /// </summary>
    public static GraphException? KindChangeConflict(GraphOntology ontology, string entityName, string newKind, IEnumerable<IncidentRelationship> incidents, Func<string, string?>? kindOf = null)
    {
        foreach (var incident in incidents)
        {
            var type = ontology.FindType(incident.Type);
            if (type is null) continue;
            var sourceKind = incident.Source == entityName ? newKind : kindOf?.Invoke(incident.Source) ?? incident.SourceKind;
            var targetKind = incident.Target == entityName ? newKind : kindOf?.Invoke(incident.Target) ?? incident.TargetKind;
            if (!type.SourceKinds.Contains(sourceKind) || !type.TargetKinds.Contains(targetKind))
                return GraphException.InvalidArgument(ErrorReasons.WrongEndpointKind, "entity.kind",
                    $"{entityName} cannot become a {newKind}: its relationship {incident.Name} is {type.Name}, which goes from " +
                    $"{string.Join(" or ", type.SourceKinds)} to {string.Join(" or ", type.TargetKinds)}");
        }
        return null;
    }

    /// <summary>
    /// INVALID_ARGUMENT (IMMUTABLE_FIELD) when a write would change a relationship's type or endpoints;
    /// a field the incoming relationship leaves empty keeps its stored value.
    /// </summary>
    public static GraphException? ImmutableChange(Relationship stored, Relationship incoming)
    {
        static bool Changes(string incoming, string stored) => incoming.Length > 0 && incoming != stored;
        string? field = Changes(incoming.Type, stored.Type) ? "type" : Changes(incoming.Source, stored.Source) ? "source" : Changes(incoming.Target, stored.Target) ? "target" : null;
        return field is null
            ? null
            : GraphException.InvalidArgument(ErrorReasons.ImmutableField, $"relationship.{field}",
                $"cannot change from '{Field(stored, field)}' to '{Field(incoming, field)}'; delete the relationship and create a new one");

        static string Field(Relationship r, string f) => f switch { "type" => r.Type, "source" => r.Source, _ => r.Target };
    }
}
