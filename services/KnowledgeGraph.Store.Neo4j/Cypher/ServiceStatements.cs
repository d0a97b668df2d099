namespace KnowledgeGraph.Store.Neo4j.Cypher;

/// <summary>Request-id replay, pings, consistency waits and test clean-up.</summary>
public static class ServiceStatements
{
    /// <summary>A trivial read: the start-up check, the ping, and (with bookmarks) the consistency wait.</summary>
    public static readonly CypherStatement Ping = new("Service.Ping", "RETURN 1 AS ok");

    public static readonly CypherStatement FindRequest = new("Service.FindRequest",
        "MATCH (q:RequestRecord {id: $id}) RETURN q.method AS method, q.response AS response",
        "id");

    /// <summary>Records a request's first response in the write's transaction; the unique id makes a concurrent duplicate fail.</summary>
    public static readonly CypherStatement RecordRequest = new("Service.RecordRequest",
        """
        CREATE (q:RequestRecord)
        SET q.id = $id, q.method = $method, q.response = $response, q.create_time = $now
        """,
        "id", "method", "response", "now");

    /// <summary>Deletes every node of the database: used by the conformance tests to start each test on an empty graph.</summary>
    public static readonly CypherStatement DeleteEverything = new("Service.DeleteEverything",
        "MATCH (n) DETACH DELETE n");

    public static IEnumerable<CypherStatement> All() => [Ping, FindRequest, RecordRequest, DeleteEverything];
}
