using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Search;
using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Neo4j.Mapping;

/// <summary>
/// The Neo4j properties written for an entity or relationship: scalars a user can query in Neo4j
/// Browser, the blob that round-trips everything, and the position of the change (<c>change_seq</c>).
/// </summary>
internal static class PropertyMaps
{
    public static Dictionary<string, object?> Entity(Entity stored, long changeSeq)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = EntityId(stored.Name),
            ["name"] = stored.Name,
            ["kind"] = stored.Kind,
            ["display_name"] = stored.DisplayName,
            ["description"] = stored.Description,
            ["aliases"] = stored.Aliases.ToList(),
            ["search_text"] = EntitySearch.IndexOf(stored),
            ["etag"] = stored.Etag,
            ["create_time"] = stored.CreateTime?.ToDateTimeOffset(),
            ["update_time"] = stored.UpdateTime?.ToDateTimeOffset(),
            ["blob"] = Blobs.Of(stored),
            ["change_seq"] = changeSeq,
        };
        foreach (var (name, value) in stored.Properties) map[GraphModel.PropertyPrefix + name] = Scalar(value);
        foreach (var (scheme, value) in stored.ExternalIds) map[GraphModel.ExternalIdPrefix + scheme] = value;
        return Compact(map);
    }

    /// <summary>The properties of the <c>:RelationshipRecord</c> node, which every read uses.</summary>
    public static Dictionary<string, object?> Record(Relationship stored, long changeSeq) => Compact(new(StringComparer.Ordinal)
    {
        ["id"] = RelationshipId(stored.Name),
        ["name"] = stored.Name,
        ["type"] = stored.Type,
        ["source"] = stored.Source,
        ["target"] = stored.Target,
        ["source_id"] = EntityId(stored.Source),
        ["target_id"] = EntityId(stored.Target),
        ["valid_from"] = stored.ValidFrom?.ToDateTimeOffset(),
        ["valid_to"] = stored.ValidTo?.ToDateTimeOffset(),
        ["etag"] = stored.Etag,
        ["create_time"] = stored.CreateTime?.ToDateTimeOffset(),
        ["update_time"] = stored.UpdateTime?.ToDateTimeOffset(),
        ["blob"] = Blobs.Of(stored),
        ["change_seq"] = changeSeq,
    });

    /// <summary>The properties of the Neo4j relationship between the endpoints, for exploring in Neo4j Browser.</summary>
    public static Dictionary<string, object?> Edge(Relationship stored, GraphOntology ontology)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = RelationshipId(stored.Name),
            ["name"] = stored.Name,
            ["valid_from"] = stored.ValidFrom?.ToDateTimeOffset(),
            ["valid_to"] = stored.ValidTo?.ToDateTimeOffset(),
            ["weight"] = ontology.DependencyWeight(stored),
            ["commodity"] = stored.Properties.TryGetValue("commodity", out var commodity) ? commodity.AsString() : null,
        };
        foreach (var (name, value) in stored.Properties) map[GraphModel.PropertyPrefix + name] = Scalar(value);
        return Compact(map);
    }

    public static string EntityId(string name) => ResourceNames.TryParseEntity(name, out var id) ? id : name;

    public static string RelationshipId(string name) => ResourceNames.TryParseRelationship(name, out var id) ? id : name;

    private static object? Scalar(PropertyValue value) => value.ValueCase switch
    {
        PropertyValue.ValueOneofCase.StringValue => value.StringValue,
        PropertyValue.ValueOneofCase.NumberValue => value.NumberValue,
        PropertyValue.ValueOneofCase.IntegerValue => value.IntegerValue,
        PropertyValue.ValueOneofCase.BoolValue => value.BoolValue,
        PropertyValue.ValueOneofCase.TimestampValue => value.TimestampValue.ToDateTimeOffset(),
        _ => null,
    };

    /// <summary>Neo4j stores no null property: leave them out.</summary>
    private static Dictionary<string, object?> Compact(Dictionary<string, object?> map)
    {
        foreach (var key in map.Where(p => p.Value is null).Select(p => p.Key).ToList()) map.Remove(key);
        return map;
    }
}
