using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>The rules that need the stored graph, checked inside the write's transaction.</summary>
internal static class IntegrityRules
{
    /// <summary>Both endpoints exist (FAILED_PRECONDITION otherwise) and have kinds the type allows (INVALID_ARGUMENT otherwise).</summary>
    public static async Task CheckEndpointsAsync(SqlSession session, GraphValidator validator, Relationship relationship, CancellationToken cancellationToken)
    {
        var kinds = await EntityTable.KindsAsync(session, [relationship.Source, relationship.Target], cancellationToken);
        foreach (var (field, name) in new[] { ("source", relationship.Source), ("target", relationship.Target) })
            if (!kinds.ContainsKey(name))
                throw GraphException.FailedPrecondition(ErrorReasons.EndpointNotFound,
                    $"relationship.{field}: entity '{name}' does not exist; create it before relating it.",
                    new ResourceRef(ResourceNames.EntityType, name));
        validator.CheckEndpointKinds(relationship, kinds[relationship.Source], kinds[relationship.Target]);
    }

    /// <summary>INVALID_ARGUMENT when <paramref name="entityName"/> becoming <paramref name="newKind"/> would break one of its relationships.</summary>
    public static async Task<GraphException?> KindChangeConflictAsync(SqlSession session, GraphValidator validator, string entityName, string newKind, CancellationToken cancellationToken)
    {
        foreach (var incident in await RelationshipTable.IncidentsAsync(session, entityName, cancellationToken))
        {
            var type = validator.Ontology.FindType(incident.Type);
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
