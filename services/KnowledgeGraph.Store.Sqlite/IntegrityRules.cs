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
    public static async Task<GraphException?> KindChangeConflictAsync(SqlSession session, GraphValidator validator, string entityName, string newKind, CancellationToken cancellationToken) =>
        StoredGraphRules.KindChangeConflict(validator.Ontology, entityName, newKind, await RelationshipTable.IncidentsAsync(session, entityName, cancellationToken));
}
