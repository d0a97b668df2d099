using KnowledgeGraph.Store.Neo4j.Mapping;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Neo4j.Tests.Store;

/// <summary>Entities and relationships as the store's statements return them (blob, etag, create_time, update_time).</summary>
internal static class Stored
{
    public static readonly string[] Columns = ["blob", "etag", "create_time", "update_time"];

    public static Entity Country(string id) => new() { Name = $"entities/{id}", Kind = "Country", DisplayName = id, Etag = "e-" + id };

    public static Relationship Supplies(string id, string source, string target) =>
        new() { Name = $"relationships/{id}", Type = "SUPPLIES", Source = $"entities/{source}", Target = $"entities/{target}", Etag = "e-" + id };

    public static object?[] Row(Entity entity) => [Blobs.Of(entity), entity.Etag, null, null];

    public static object?[] Row(Relationship relationship) => [Blobs.Of(relationship), relationship.Etag, null, null];
}
