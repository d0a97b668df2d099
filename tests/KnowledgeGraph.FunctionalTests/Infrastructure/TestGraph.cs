using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.FunctionalTests.Infrastructure;

/// <summary>Builders for resources valid under data/ontology.json, with ids unique to each test.</summary>
public static class TestGraph
{
    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    public static Entity Entity(string kind, string displayName, params string[] aliases)
    {
        var entity = new Entity { Kind = kind, DisplayName = displayName };
        entity.Aliases.AddRange(aliases);
        entity.Sources.Add(new Source { Document = "functional-tests", Quote = $"{displayName} is a {kind}." });
        return entity;
    }

    public static Relationship Relationship(string type, string source, string target, double? share = null, string? commodity = null)
    {
        var relationship = new Relationship { Type = type, Source = source, Target = target };
        if (share is { } s) relationship.Properties["share"] = new PropertyValue { NumberValue = s };
        if (commodity is not null) relationship.Properties["commodity"] = new PropertyValue { StringValue = commodity };
        return relationship;
    }

    public static Timestamp Date(int year, int month = 1, int day = 1) =>
        Timestamp.FromDateTime(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc));

    /// <summary>Creates an entity with a fresh id and returns it as stored.</summary>
    public static async Task<Entity> CreateAsync(this EntityService.EntityServiceClient client, string kind, string displayName, params string[] aliases) =>
        await client.CreateEntityAsync(new CreateEntityRequest { EntityId = UniqueId(kind.ToLowerInvariant()), Entity = Entity(kind, displayName, aliases) });

    public static async Task<Relationship> CreateAsync(this RelationshipService.RelationshipServiceClient client, Relationship relationship) =>
        await client.CreateRelationshipAsync(new CreateRelationshipRequest { RelationshipId = UniqueId(relationship.Type.ToLowerInvariant().Replace('_', '-')), Relationship = relationship });
}
