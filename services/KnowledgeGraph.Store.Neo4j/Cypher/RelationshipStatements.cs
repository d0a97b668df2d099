using KnowledgeGraph.Domain.Ontology;

namespace KnowledgeGraph.Store.Neo4j.Cypher;

/// <summary>
/// Reads and writes of relationships. Each relationship is a Neo4j relationship of its ontology type
/// between the two entity nodes (what traversals walk), plus a <c>:RelationshipRecord</c> node
/// (unique id, indexed by name, endpoints and type) that answers lookups and listings without
/// scanning every relationship.
/// </summary>
public static class RelationshipStatements
{
    private const string Columns = "record.blob AS blob, record.etag AS etag, record.create_time AS create_time, record.update_time AS update_time";

    public static readonly CypherStatement Get = new("Relationship.Get",
        $"MATCH (record:RelationshipRecord) WHERE record.id IN $ids RETURN {Columns}",
        "ids");

    public static readonly CypherStatement List = new("Relationship.List",
        $$"""
        MATCH (record:RelationshipRecord)
        WHERE ($type IS NULL OR record.type = $type)
          AND ($source IS NULL OR record.source = $source)
          AND ($target IS NULL OR record.target = $target)
          AND ($entity IS NULL
               OR ($outgoing AND record.source = $entity)
               OR ($incoming AND record.target = $entity))
          AND ($after IS NULL OR record.name > $after)
        RETURN {{Columns}}
        ORDER BY record.name
        LIMIT $limit
        """,
        "type", "source", "target", "entity", "outgoing", "incoming", "after", "limit");

    /// <summary>Write-locks the records of a write and returns what is stored.</summary>
    public static readonly CypherStatement Lock = new("Relationship.Lock",
        $$"""
        UNWIND $ids AS id
        MATCH (record:RelationshipRecord {id: id})
        SET record.write_seq = coalesce(record.write_seq, 0) + 1
        RETURN record.id AS id, {{Columns}}
        """,
        "ids");

    /// <summary>The kinds of the entities that exist among the ids (relationship endpoints).</summary>
    public static readonly CypherStatement EndpointKinds = new("Relationship.EndpointKinds",
        "MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id, n.kind AS kind",
        "ids");

    /// <summary>Replaces records and their relationships only where the stored etag is the expected one.</summary>
    public static readonly CypherStatement Replace = new("Relationship.Replace",
        """
        UNWIND $rows AS row
        MATCH (record:RelationshipRecord {id: row.id})
        WHERE record.etag = row.expected_etag
        MATCH (:Entity {id: record.source_id})-[r]->(:Entity {id: record.target_id})
        WHERE r.id = row.id
        SET record = row.record, r = row.edge
        RETURN record.id AS id
        """,
        "rows");

    public static readonly CypherStatement Delete = new("Relationship.Delete",
        """
        MATCH (record:RelationshipRecord {id: $id})
        WHERE record.etag = $expected_etag
        OPTIONAL MATCH (:Entity {id: record.source_id})-[r]->(:Entity {id: record.target_id})
        WHERE r.id = $id
        DELETE r, record
        RETURN count(*) AS deleted
        """,
        "id", "expected_etag");

    /// <summary>
    /// One statement per relationship type of the ontology (Cypher cannot take a type as a
    /// parameter on 5.26): creates the records and the relationships between existing endpoints.
    /// </summary>
    public static IReadOnlyDictionary<string, CypherStatement> Create(GraphOntology ontology) =>
        GraphModel.RelationshipTypes(ontology).ToDictionary(type => type, type => new CypherStatement(
            $"Relationship.Create.{type}",
            $$"""
            UNWIND $rows AS row
            MATCH (s:Entity {id: row.source_id})
            MATCH (t:Entity {id: row.target_id})
            CREATE (record:RelationshipRecord)
            SET record = row.record
            CREATE (s)-[r:{{type}}]->(t)
            SET r = row.edge
            RETURN record.id AS id
            """,
            "rows"), StringComparer.Ordinal);

    public static IEnumerable<CypherStatement> All(GraphOntology ontology) =>
        [Get, List, Lock, EndpointKinds, Replace, Delete, .. Create(ontology).Values];
}
