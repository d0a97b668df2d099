using KnowledgeGraph.Store.Neo4j.Http;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Neo4j.Mapping;

/// <summary>Reads entities and relationships back from result rows that have blob, etag, create_time and update_time.</summary>
internal static class StoredRows
{
    public static Entity Entity(QueryResult.Row row) => Blobs.ReadEntity(
        row.Get<string>("blob"), row.GetString("etag"), row.GetDateTime("create_time"), row.GetDateTime("update_time"));

    public static Relationship Relationship(QueryResult.Row row) => Blobs.ReadRelationship(
        row.Get<string>("blob"), row.GetString("etag"), row.GetDateTime("create_time"), row.GetDateTime("update_time"));
}
