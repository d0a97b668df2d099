using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Conformance;

/// <summary>Small entities and relationships that are valid under data/ontology.json.</summary>
public static class GraphBuilders
{
    public static string E(string id) => ResourceNames.Entity(id);

    public static string R(string id) => ResourceNames.Relationship(id);

    public static Entity Country(string id, string displayName, params string[] aliases) => Entity(id, "Country", displayName, aliases);

    public static Entity Company(string id, string displayName, params string[] aliases) => Entity(id, "Company", displayName, aliases);

    public static Entity Project(string id, string displayName, params string[] aliases) => Entity(id, "Project", displayName, aliases);

    public static Entity Entity(string id, string kind, string displayName, params string[] aliases)
    {
        var entity = new Entity { Name = E(id), Kind = kind, DisplayName = displayName };
        entity.Aliases.AddRange(aliases);
        entity.Sources.Add(new Source { Document = "us-japan-rare-earths-framework", Quote = $"{displayName} is mentioned." });
        return entity;
    }

    /// <summary><c>source SUPPLIES target</c>: the target depends on the source for <paramref name="share"/>.</summary>
    public static Relationship Supplies(string id, string sourceId, string targetId, double share, string? commodity = null)
    {
        var relationship = Relationship(id, "SUPPLIES", sourceId, targetId);
        relationship.Properties["share"] = PropertyValues.Of(share);
        if (commodity is not null) relationship.Properties["commodity"] = PropertyValues.Of(commodity);
        return relationship;
    }

    public static Relationship LocatedIn(string id, string projectId, string countryId) => Relationship(id, "LOCATED_IN", projectId, countryId);

    public static Relationship Relationship(string id, string type, string sourceId, string targetId) =>
        new() { Name = R(id), Type = type, Source = E(sourceId), Target = E(targetId) };

    public static Relationship ValidBetween(this Relationship relationship, DateTimeOffset? from, DateTimeOffset? to)
    {
        relationship.ValidFrom = from is null ? null : Timestamp.FromDateTimeOffset(from.Value);
        relationship.ValidTo = to is null ? null : Timestamp.FromDateTimeOffset(to.Value);
        return relationship;
    }
}
