using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Errors;

namespace KnowledgeGraph.Application.Queries;

/// <summary>The checks a question's entities must pass, whatever engine answers it.</summary>
internal static class QueryChecks
{
    public const string CommodityKind = "Commodity";

    /// <summary>NOT_FOUND for an entity or relationship a question names.</summary>
    public static GraphException Missing(string name) =>
        GraphException.NotFound(ResourceNames.IsRelationshipName(name) ? ResourceNames.RelationshipType : ResourceNames.EntityType, name);

    /// <summary>INVALID_ARGUMENT unless the trace's commodity names a Commodity (<paramref name="kind"/> null: it does not exist).</summary>
    public static void RequireCommodity(string commodity, string? kind)
    {
        if (kind == CommodityKind) return;
        throw GraphException.InvalidArgument(ErrorReasons.InvalidReference, "commodity",
            kind is null ? $"{commodity} does not exist" : $"{commodity} is a {kind}, not a {CommodityKind}");
    }
}
