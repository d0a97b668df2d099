namespace KnowledgeGraph.Store.Neo4j.Cypher;

/// <summary>Pings and consistency waits, request records, and the test clean-up.</summary>
public static class ServiceStatements
{
    /// <summary>A trivial read: the start-up check, the ping, and (with bookmarks) the consistency wait.</summary>
    public static readonly CypherStatement Ping = new("Service.Ping", "RETURN 1 AS ok");

    public static readonly CypherStatement FindRequest = new("Service.FindRequest",
        "MATCH (q:RequestRecord {id: $id}) RETURN q.method AS method, q.response AS response",
        "id");

    /// <summary>Keeps the first responses of requests; the unique id makes a concurrent duplicate fail the commit.</summary>
    public static readonly CypherStatement RecordRequests = new("Service.RecordRequests",
        """
        UNWIND $rows AS row
        CREATE (q:RequestRecord)
        SET q.id = row.id, q.method = row.method, q.response = row.response, q.time = timestamp()
        """,
        "rows");

    /// <summary>Forgets up to $limit request records first seen before $before (epoch milliseconds; one from before times were kept counts as old).</summary>
    public static readonly CypherStatement PruneRequests = new("Service.PruneRequests",
        """
        MATCH (q:RequestRecord)
        WHERE coalesce(q.time, 0) < $before
        WITH q
        LIMIT $limit
        DELETE q
        RETURN count(*) AS count
        """,
        "before", "limit");

    /// <summary>Empties the graph, label by label, and resets the change feed: the conformance tests start each test from here.</summary>
    public static readonly IReadOnlyList<CypherStatement> Clear =
    [
        new("Service.Clear.Entities", "MATCH (n:Entity) DETACH DELETE n"),
        new("Service.Clear.RelationshipRecords", "MATCH (n:RelationshipRecord) DELETE n"),
        new("Service.Clear.RequestRecords", "MATCH (n:RequestRecord) DELETE n"),
        new("Service.Clear.Tombstones", "MATCH (n:Tombstone) DELETE n"),
        new("Service.Clear.ChangeCounter", "MATCH (c:ChangeCounter {id: 'graph'}) SET c.seq = 0, c.pruned_through = 0"),
    ];

    public static IEnumerable<CypherStatement> All() => [Ping, FindRequest, RecordRequests, PruneRequests, .. Clear];
}
