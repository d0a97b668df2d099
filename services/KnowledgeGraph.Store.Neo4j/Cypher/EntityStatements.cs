using KnowledgeGraph.Domain.Ontology;

namespace KnowledgeGraph.Store.Neo4j.Cypher;

/// <summary>Reads and writes of entity nodes, <c>(:Entity:&lt;Kind&gt; {id, name, kind, ..., blob, change_seq})</c>.</summary>
public static class EntityStatements
{
    private const string Columns = "n.blob AS blob, n.etag AS etag, n.create_time AS create_time, n.update_time AS update_time";

    public static readonly CypherStatement Get = new("Entity.Get",
        $"MATCH (n:Entity) WHERE n.id IN $ids RETURN {Columns}",
        "ids");

    /// <summary>A page of every entity, on the name index.</summary>
    public static readonly CypherStatement List = new("Entity.List",
        $"""
        MATCH (n:Entity)
        WHERE n.name > $after
        RETURN {Columns}
        ORDER BY n.name
        LIMIT $limit
        """,
        "after", "limit");

    /// <summary>A page of one kind's entities, on the (kind, name) index.</summary>
    public static readonly CypherStatement ListByKind = new("Entity.ListByKind",
        $"""
        MATCH (n:Entity)
        WHERE n.kind = $kind AND n.name > $after
        RETURN {Columns}
        ORDER BY n.name
        LIMIT $limit
        """,
        "kind", "after", "limit");

    /// <summary>A page of search candidates in id order: the normalized query occurs in the search text.</summary>
    public static readonly CypherStatement SearchCandidates = new("Entity.SearchCandidates",
        """
        MATCH (n:Entity)
        WHERE n.id > $after AND n.search_text CONTAINS $query
        RETURN n.id AS id, n.name AS name, n.search_text AS search_text
        ORDER BY n.id
        LIMIT $limit
        """,
        "after", "query", "limit");

    /// <summary>A page of search candidates of the given kinds, in id order.</summary>
    public static readonly CypherStatement SearchCandidatesOfKinds = new("Entity.SearchCandidatesOfKinds",
        """
        MATCH (n:Entity)
        WHERE n.id > $after AND n.kind IN $kinds AND n.search_text CONTAINS $query
        RETURN n.id AS id, n.name AS name, n.search_text AS search_text
        ORDER BY n.id
        LIMIT $limit
        """,
        "after", "kinds", "query", "limit");

    /// <summary>
    /// Reads entities inside a unit of work and write-locks them (a write to the node takes Neo4j's
    /// lock until the transaction ends), so what the unit read cannot change before it commits.
    /// </summary>
    public static readonly CypherStatement Lock = new("Entity.Lock",
        $$"""
        UNWIND $ids AS id
        MATCH (n:Entity {id: id})
        SET n.write_seq = coalesce(n.write_seq, 0) + 1
        RETURN {{Columns}}
        """,
        "ids");

    /// <summary>Creates entities; a name deleted before is no longer a deletion in the change feed.</summary>
    public static readonly CypherStatement Insert = new("Entity.Insert",
        """
        UNWIND $rows AS row
        CREATE (n:Entity)
        SET n = row.props
        WITH row
        OPTIONAL MATCH (t:Tombstone {name: row.name})
        DELETE t
        """,
        "rows");

    /// <summary>Replaces entities; returns how many it found (fewer than the rows: a name is gone).</summary>
    public static readonly CypherStatement Replace = new("Entity.Replace",
        """
        UNWIND $rows AS row
        MATCH (n:Entity {id: row.id})
        SET n = row.props
        RETURN count(*) AS written
        """,
        "rows");

    /// <summary>Deletes entities (with any Neo4j relationship still attached) and leaves a tombstone for the change feed; returns how many it found.</summary>
    public static readonly CypherStatement Delete = new("Entity.Delete",
        """
        UNWIND $rows AS row
        MATCH (n:Entity {id: row.id})
        DETACH DELETE n
        WITH row
        MERGE (t:Tombstone {name: row.name})
        SET t.change_seq = row.change_seq, t.time = timestamp()
        RETURN count(*) AS written
        """,
        "rows");

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
        [Get, List, ListByKind, SearchCandidates, SearchCandidatesOfKinds, Lock, Insert, Replace, Delete, .. SetKindLabel(ontology).Values];
}
