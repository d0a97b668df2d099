using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.Store.Neo4j.Mapping;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Neo4j.Snapshot;

/// <summary>
/// Turns a relationship list query into the statement of its filter shape, with the filters as ids
/// (the indexed keys). An entity with a direction is a source (OUTGOING) or a target (INCOMING) filter;
/// with BOTH it is an either-end filter, unless a source or target already pins one end.
/// </summary>
internal sealed record RelationshipListPlan(BoundStatement Statement)
{
    /// <summary>The statement to run, or null when the filters contradict each other (nothing can match).</summary>
    public static RelationshipListPlan? For(RelationshipListQuery query)
    {
        var source = NullIfEmpty(query.Source);
        var target = NullIfEmpty(query.Target);
        string? either = null;
        if (NullIfEmpty(query.Entity) is { } entity)
        {
            switch (query.Direction)
            {
                case Direction.Outgoing when !Pin(ref source, entity):
                case Direction.Incoming when !Pin(ref target, entity):
                    return null;
                case Direction.Outgoing or Direction.Incoming:
                    break;
                default:
                    if (source == entity || target == entity) break;
                    if (source is not null && !Pin(ref target, entity)) return null;
                    if (source is null && target is not null) source = entity;
                    if (source is null && target is null) either = entity;
                    break;
            }
        }

        var type = NullIfEmpty(query.Type);
        var shape = new RelationshipListShape(type is not null, source is not null, target is not null, either is not null);
        var values = new List<(string, object?)>();
        if (type is not null) values.Add(("type", type));
        if (source is not null) values.Add(("source_id", PropertyMaps.EntityId(source)));
        if (target is not null) values.Add(("target_id", PropertyMaps.EntityId(target)));
        if (either is not null) values.Add(("entity_id", PropertyMaps.EntityId(either)));
        values.Add(("after", query.AfterName ?? ""));
        values.Add(("limit", Math.Max(0, query.Limit)));
        return new RelationshipListPlan(RelationshipStatements.List(shape).Bind([.. values]));
    }

    /// <summary>Sets an end to <paramref name="entity"/>; false when it is already set to another entity.</summary>
    private static bool Pin(ref string? end, string entity)
    {
        if (end is not null && end != entity) return false;
        end = entity;
        return true;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
