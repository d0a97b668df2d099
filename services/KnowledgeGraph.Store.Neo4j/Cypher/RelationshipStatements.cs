using KnowledgeGraph.Domain.Ontology;

namespace KnowledgeGraph.Store.Neo4j.Cypher;

/// <summary>
/// Reads and writes of relationships. Each relationship is a <c>:RelationshipRecord</c> node (unique
/// id; indexed by name, (source_id, name), (target_id, name), (type, name) and change_seq) that answers
/// every read, plus a Neo4j relationship of its ontology type between the two entity nodes, so the
/// graph can be explored in Neo4j Browser.
/// </summary>
public static class RelationshipStatements
{
    private const string Columns = "record.blob AS blob, record.etag AS etag, record.create_time AS create_time, record.update_time AS update_time";

    /// <summary>The relationship is valid at $as_of: valid_from &lt;= as_of &lt; valid_to, open ends unbounded.</summary>
    private const string ValidAt = "(record.valid_from IS NULL OR record.valid_from <= $as_of) AND (record.valid_to IS NULL OR $as_of < record.valid_to)";

    public static readonly CypherStatement Get = new("Relationship.Get",
        $"MATCH (record:RelationshipRecord) WHERE record.id IN $ids RETURN {Columns}",
        "ids");

    /// <summary>Reads relationships inside a unit of work and write-locks their records until it ends.</summary>
    public static readonly CypherStatement Lock = new("Relationship.Lock",
        $$"""
        UNWIND $ids AS id
        MATCH (record:RelationshipRecord {id: id})
        SET record.write_seq = coalesce(record.write_seq, 0) + 1
        RETURN {{Columns}}
        """,
        "ids");

    /// <summary>Every relationship touching an entity, write-locked, with its endpoints' kinds, in name order.</summary>
    public static readonly CypherStatement LockIncident = new("Relationship.LockIncident",
        """
        CALL () {
          MATCH (record:RelationshipRecord {source_id: $id})
          RETURN record
          UNION
          MATCH (record:RelationshipRecord {target_id: $id})
          RETURN record
        }
        SET record.write_seq = coalesce(record.write_seq, 0) + 1
        WITH record
        OPTIONAL MATCH (s:Entity {id: record.source_id})
        WITH record, s
        OPTIONAL MATCH (t:Entity {id: record.target_id})
        RETURN record.name AS name, record.type AS type, record.source AS source, record.target AS target, s.kind AS source_kind, t.kind AS target_kind
        ORDER BY name
        """,
        "id");

    /// <summary>The valid relationships leaving any entity of a frontier ($ids), on the (source_id, name) index.</summary>
    public static readonly CypherStatement Outgoing = Adjacent("Relationship.Outgoing", "source_id", typed: false);

    /// <summary>As <see cref="Outgoing"/>, of the given types only.</summary>
    public static readonly CypherStatement OutgoingOfTypes = Adjacent("Relationship.OutgoingOfTypes", "source_id", typed: true);

    /// <summary>The valid relationships entering any entity of a frontier ($ids), on the (target_id, name) index.</summary>
    public static readonly CypherStatement Incoming = Adjacent("Relationship.Incoming", "target_id", typed: false);

    /// <summary>As <see cref="Incoming"/>, of the given types only.</summary>
    public static readonly CypherStatement IncomingOfTypes = Adjacent("Relationship.IncomingOfTypes", "target_id", typed: true);

    /// <summary>Replaces records and the properties of their Neo4j relationships (type and endpoints never change).</summary>
    public static readonly CypherStatement Replace = new("Relationship.Replace",
        """
        UNWIND $rows AS row
        MATCH (record:RelationshipRecord {id: row.id})
        SET record = row.record
        WITH row, record
        MATCH (:Entity {id: record.source_id})-[r]->()
        WHERE r.id = row.id
        SET r = row.edge
        RETURN count(*) AS written
        """,
        "rows");

    /// <summary>Deletes records and their Neo4j relationships and leaves a tombstone for the change feed; returns how many it found.</summary>
    public static readonly CypherStatement Delete = new("Relationship.Delete",
        """
        UNWIND $rows AS row
        MATCH (record:RelationshipRecord {id: row.id})
        OPTIONAL MATCH (:Entity {id: record.source_id})-[r]->()
        WHERE r.id = row.id
        DELETE r, record
        WITH row
        MERGE (t:Tombstone {name: row.name})
        SET t.change_seq = row.change_seq, t.time = timestamp()
        RETURN count(*) AS written
        """,
        "rows");

    /// <summary>
    /// One statement per relationship type of the ontology (Cypher cannot take a type as a parameter on
    /// 5.26): creates the records and the relationships between their endpoints.
    /// </summary>
    public static IReadOnlyDictionary<string, CypherStatement> Insert(GraphOntology ontology) =>
        GraphModel.RelationshipTypes(ontology).ToDictionary(type => type, type => new CypherStatement(
            $"Relationship.Insert.{type}",
            $$"""
            UNWIND $rows AS row
            MATCH (s:Entity {id: row.source_id})
            WITH row, s
            MATCH (t:Entity {id: row.target_id})
            CREATE (record:RelationshipRecord)
            SET record = row.record
            CREATE (s)-[r:{{type}}]->(t)
            SET r = row.edge
            WITH row
            OPTIONAL MATCH (x:Tombstone {name: row.name})
            DELETE x
            """,
            "rows"), StringComparer.Ordinal);

    /// <summary>The list statement of a filter shape: one per shape, so each uses its own index.</summary>
    public static CypherStatement List(RelationshipListShape shape) => ListStatements[shape];

    private static readonly IReadOnlyDictionary<RelationshipListShape, CypherStatement> ListStatements =
        RelationshipListShape.All.ToDictionary(shape => shape, ListOf);

    private static CypherStatement ListOf(RelationshipListShape shape)
    {
        var type = shape.Type ? "record.type = $type AND " : "";
        if (shape.EitherEnd)
            return new CypherStatement($"Relationship.List{shape.Suffix}",
                $$"""
                CALL () {
                  MATCH (record:RelationshipRecord)
                  WHERE record.source_id = $entity_id AND {{type}}record.name > $after
                  RETURN record
                  ORDER BY record.name
                  LIMIT $limit
                  UNION
                  MATCH (record:RelationshipRecord)
                  WHERE record.target_id = $entity_id AND {{type}}record.name > $after
                  RETURN record
                  ORDER BY record.name
                  LIMIT $limit
                }
                RETURN {{Columns}}
                ORDER BY record.name
                LIMIT $limit
                """,
                shape.Parameters);
        var conditions = string.Concat(
            type,
            shape.Source ? "record.source_id = $source_id AND " : "",
            shape.Target ? "record.target_id = $target_id AND " : "");
        return new CypherStatement($"Relationship.List{shape.Suffix}",
            $"""
            MATCH (record:RelationshipRecord)
            WHERE {conditions}record.name > $after
            RETURN {Columns}
            ORDER BY record.name
            LIMIT $limit
            """,
            shape.Parameters);
    }

    private static CypherStatement Adjacent(string name, string endKey, bool typed) => new(name,
        $$"""
        UNWIND $ids AS id
        MATCH (record:RelationshipRecord {{{endKey}}: id})
        WHERE {{(typed ? "record.type IN $types AND " : "")}}{{ValidAt}}
        RETURN {{Columns}}
        ORDER BY record.name
        LIMIT $limit
        """,
        typed ? ["ids", "types", "as_of", "limit"] : ["ids", "as_of", "limit"]);

    public static IEnumerable<CypherStatement> All(GraphOntology ontology) =>
    [
        Get, Lock, LockIncident, Outgoing, OutgoingOfTypes, Incoming, IncomingOfTypes, Replace, Delete,
        .. Insert(ontology).Values, .. ListStatements.Values,
    ];
}
