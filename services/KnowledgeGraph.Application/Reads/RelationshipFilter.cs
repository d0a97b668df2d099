using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Paging;
using KnowledgeGraph.Application.Requests;
using KnowledgeGraph.Store;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Application.Reads;

/// <summary>Turns ListRelationships' filter into a store query: type, source, target, entity and direction.</summary>
public static class RelationshipFilter
{
    private static readonly string[] Fields = ["type", "source", "target", "entity", "direction"];

    public static RelationshipListQuery Parse(string? filter, GraphOntology ontology, string? after, int limit)
    {
        var terms = ListFilter.Parse(filter, Fields);
        var type = terms.GetValueOrDefault("type");
        if (type is not null && ontology.FindType(type) is null)
            throw GraphException.InvalidArgument(ErrorReasons.UnknownRelationshipType, "filter", $"unknown relationship type '{type}'; known types: {string.Join(", ", ontology.TypeNames)}");

        var source = terms.TryGetValue("source", out var s) ? RequestChecks.EntityName(s, "filter") : null;
        var target = terms.TryGetValue("target", out var t) ? RequestChecks.EntityName(t, "filter") : null;
        var entity = terms.TryGetValue("entity", out var e) ? RequestChecks.EntityName(e, "filter") : null;

        var direction = Direction.Both;
        if (terms.TryGetValue("direction", out var d))
        {
            if (entity is null)
                throw GraphException.InvalidArgument(ErrorReasons.InvalidFilter, "filter", "direction is relative to entity; add an entity term");
            direction = d.ToUpperInvariant() switch
            {
                "OUTGOING" => Direction.Outgoing,
                "INCOMING" => Direction.Incoming,
                "BOTH" => Direction.Both,
                _ => throw GraphException.InvalidArgument(ErrorReasons.InvalidFilter, "filter", $"direction must be OUTGOING, INCOMING or BOTH, got '{d}'"),
            };
        }
        return new RelationshipListQuery(type, source, target, entity, direction, after, limit);
    }
}
