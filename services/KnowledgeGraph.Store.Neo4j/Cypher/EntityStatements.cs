using KnowledgeGraph.Domain.Ontology;

namespace KnowledgeGraph.Store.Neo4j.Cypher;

/// <summary>Reads and writes of entity nodes, <c>(:Entity:&lt;Kind&gt; {id, name, kind, ..., blob})</c>.</summary>
public static class EntityStatements
{
    private const string Columns = "n.blob AS blob, n.etag AS etag, n.create_time AS create_time, n.update_time AS update_time";

    public static readonly CypherStatement Get = new("Entity.Get",
        $"MATCH (n:Entity) WHERE n.id IN $ids RETURN {Columns}",
        "ids");

    public static readonly CypherStatement List = new("Entity.List",
        $$"""
        MATCH (n:Entity)
        WHERE ($kind IS NULL OR n.kind = $kind) AND ($after IS NULL OR n.name > $after)
        RETURN {{Columns}}
        ORDER BY n.name
        LIMIT $limit
        """,
        "kind", "after", "limit");

    public static readonly CypherStatement Refs = new("Entity.Refs",
        "MATCH (n:Entity) WHERE n.id IN $ids RETURN n.name AS name, n.kind AS kind, n.display_name AS display_name",
        "ids");

    /// <summary>Search candidates: the normalized query occurs in the search text (id, display name, aliases).</summary>
    public static readonly CypherStatement SearchCandidates = new("Entity.SearchCandidates",
        $$"""
        MATCH (n:Entity)
        WHERE n.search_text CONTAINS $query AND (size($kinds) = 0 OR n.kind IN $kinds)
        RETURN {{Columns}}
        ORDER BY n.name
        LIMIT $limit
        """,
        "query", "kinds", "limit");

    /// <summary>
    /// Write-locks the entities of a write (a write to the node takes Neo4j's lock until commit) and
    /// returns what is stored, so the checks that follow see a state no one else can change.
    /// </summary>
    public static readonly CypherStatement Lock = new("Entity.Lock",
        $$"""
        UNWIND $ids AS id
        MATCH (n:Entity {id: id})
        SET n.write_seq = coalesce(n.write_seq, 0) + 1
        RETURN n.id AS id, n.kind AS kind, {{Columns}}
        """,
        "ids");

    public static readonly CypherStatement Create = new("Entity.Create",
        """
        UNWIND $rows AS row
        CREATE (n:Entity)
        SET n = row.props
        RETURN n.id AS id
        """,
        "rows");

    /// <summary>Replaces entities only where the stored etag is the expected one: the etag check and the write are one statement.</summary>
    public static readonly CypherStatement Replace = new("Entity.Replace",
        """
        UNWIND $rows AS row
        MATCH (n:Entity {id: row.id})
        WHERE n.etag = row.expected_etag
        SET n = row.props
        RETURN n.id AS id
        """,
        "rows");

    /// <summary>The relationships touching an entity, with the kinds of both endpoints.</summary>
    public static readonly CypherStatement Incidents = new("Entity.Incidents",
        """
        MATCH (record:RelationshipRecord)
        WHERE record.source_id = $id OR record.target_id = $id
        OPTIONAL MATCH (s:Entity {id: record.source_id})
        OPTIONAL MATCH (t:Entity {id: record.target_id})
        RETURN record.name AS name, record.type AS type, record.source AS source, record.target AS target, s.kind AS source_kind, t.kind AS target_kind
        ORDER BY record.name
        """,
        "id");

    /// <summary>Deletes the entity, if its etag is still the expected one, with its relationships and their records.</summary>
    public static readonly CypherStatement Delete = new("Entity.Delete",
        """
        MATCH (n:Entity {id: $id})
        WHERE n.etag = $expected_etag
        OPTIONAL MATCH (record:RelationshipRecord)
        WHERE record.source_id = $id OR record.target_id = $id
        WITH n, collect(record) AS records
        FOREACH (record IN records | DELETE record)
        DETACH DELETE n
        RETURN size(records) AS deleted_relationships
        """,
        "id", "expected_etag");

    /// <summary>One statement per kind: gives the entities their kind's label and takes the other kinds' labels away.</summary>
    public static IReadOnlyDictionary<string, CypherStatement> SetKindLabel(GraphOntology ontology)
    {
        var kinds = GraphModel.KindLabels(ontology);
        return kinds.ToDictionary(kind => kind, kind =>
        {
            var others = kinds.Where(k => k != kind).ToList();
            var remove = others.Count == 0 ? "" : $"REMOVE n:{string.Join(':', others)}\n";
            return new CypherStatement($"Entity.SetKindLabel.{kind}",
                $$"""
                UNWIND $ids AS id
                MATCH (n:Entity {id: id})
                {{remove}}SET n:{{kind}}
                """,
                "ids");
        }, StringComparer.Ordinal);
    }

    public static IEnumerable<CypherStatement> All(GraphOntology ontology) =>
        [Get, List, Refs, SearchCandidates, Lock, Create, Replace, Incidents, Delete, .. SetKindLabel(ontology).Values];
}
