namespace KnowledgeGraph.Store.Neo4j.Cypher;

/// <summary>
/// The change feed. Neo4j Community has no change data capture, so one counter node,
/// <c>(:ChangeCounter {id: 'graph', seq})</c>, hands out positions: a committing unit of work reserves
/// one per changed resource as its first write, which write-locks the counter until it commits, so
/// positions follow commit order. Every entity and record carries the position of its last change
/// (<c>change_seq</c>); a deletion leaves a <c>(:Tombstone {name, change_seq, time})</c>. Retention
/// deletes old tombstones and raises the counter's <c>pruned_through</c>, the feed's floor: a reader
/// behind it may have missed a deletion.
/// </summary>
public static class ChangeStatements
{
    /// <summary>Creates the counter once; several processes may run it together (the id is unique).</summary>
    public static readonly CypherStatement EnsureCounter = new("Change.EnsureCounter",
        "MERGE (c:ChangeCounter {id: 'graph'}) ON CREATE SET c.seq = 0");

    /// <summary>Reserves $count positions; returns the last. Holds the counter's write lock until the transaction ends.</summary>
    public static readonly CypherStatement Reserve = new("Change.Reserve",
        """
        MATCH (c:ChangeCounter {id: 'graph'})
        SET c.seq = c.seq + $count
        RETURN c.seq AS last
        """,
        "count");

    /// <summary>The feed's head (the last position handed out by a committed unit) and its floor (positions pruned through).</summary>
    public static readonly CypherStatement Head = new("Change.Head",
        "MATCH (c:ChangeCounter {id: 'graph'}) RETURN c.seq AS head, coalesce(c.pruned_through, 0) AS floor");

    /// <summary>Changes with a position in ($after, $head], oldest first, each with the resource as it is now.</summary>
    public static readonly CypherStatement Read = new("Change.Read",
        """
        CALL () {
          MATCH (n:Entity)
          WHERE n.change_seq > $after AND n.change_seq <= $head
          RETURN n.change_seq AS position, n.name AS name, 'entity' AS resource, n.blob AS blob, n.etag AS etag, n.create_time AS create_time, n.update_time AS update_time
          ORDER BY position
          LIMIT $limit
          UNION ALL
          MATCH (record:RelationshipRecord)
          WHERE record.change_seq > $after AND record.change_seq <= $head
          RETURN record.change_seq AS position, record.name AS name, 'relationship' AS resource, record.blob AS blob, record.etag AS etag, record.create_time AS create_time, record.update_time AS update_time
          ORDER BY position
          LIMIT $limit
          UNION ALL
          MATCH (t:Tombstone)
          WHERE t.change_seq > $after AND t.change_seq <= $head
          RETURN t.change_seq AS position, t.name AS name, 'deleted' AS resource, null AS blob, null AS etag, null AS create_time, null AS update_time
          ORDER BY position
          LIMIT $limit
        }
        RETURN position, name, resource, blob, etag, create_time, update_time
        ORDER BY position
        LIMIT $limit
        """,
        "after", "head", "limit");

    /// <summary>
    /// Deletes up to $limit tombstones of deletions committed before $before (epoch milliseconds; a
    /// tombstone from before times were kept counts as old), oldest first, and raises the floor past them.
    /// </summary>
    public static readonly CypherStatement PruneTombstones = new("Change.PruneTombstones",
        """
        OPTIONAL MATCH (t:Tombstone)
        WHERE coalesce(t.time, 0) < $before
        WITH t
        ORDER BY t.change_seq
        LIMIT $limit
        WITH collect(t) AS pruned, max(t.change_seq) AS through
        FOREACH (gone IN pruned | DELETE gone)
        WITH size(pruned) AS count, through
        MATCH (c:ChangeCounter {id: 'graph'})
        SET c.pruned_through = CASE WHEN through > coalesce(c.pruned_through, 0) THEN through ELSE coalesce(c.pruned_through, 0) END
        RETURN count, c.pruned_through AS floor
        """,
        "before", "limit");

    public static IEnumerable<CypherStatement> All() => [EnsureCounter, Reserve, Head, Read, PruneTombstones];
}
