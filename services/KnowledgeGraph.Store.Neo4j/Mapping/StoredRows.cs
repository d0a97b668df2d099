using KnowledgeGraph.Store.Neo4j.Http;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Neo4j.Mapping;

/// <summary>Reads entities and relationships back from result rows that have blob, etag, create_time and update_time.</summary>
internal static class StoredRows
{
    public static Entity Entity(QueryResult.Row row) => Blobs.ReadEntity(
        row.Get<string>("blob"), row.GetString("etag"), row["create_time"] as DateTimeOffset?, row["update_time"] as DateTimeOffset?);

    public static Relationship Relationship(QueryResult.Row row) => Blobs.ReadRelationship(
        row.Get<string>("blob"), row.GetString("etag"), row["create_time"] as DateTimeOffset?, row["update_time"] as DateTimeOffset?);

    /// <summary>A relationship from the properties of a Neo4j relationship (as met on a path).</summary>
    public static Relationship Relationship(Neo4jRelationship edge) => Blobs.ReadRelationship(
        edge.Properties.TryGetValue("blob", out var blob) && blob is string text ? text : throw new InvalidDataException($"Relationship {edge.ElementId} has no blob property: it was not written by this store."),
        edge.Properties.GetValueOrDefault("etag") as string,
        edge.Properties.GetValueOrDefault("create_time") as DateTimeOffset?,
        edge.Properties.GetValueOrDefault("update_time") as DateTimeOffset?);

    public static EntityRef Ref(Neo4jNode node) => new()
    {
        Name = node.Properties.GetValueOrDefault("name") as string ?? "",
        Kind = node.Properties.GetValueOrDefault("kind") as string ?? "",
        DisplayName = node.Properties.GetValueOrDefault("display_name") as string ?? "",
    };
}
