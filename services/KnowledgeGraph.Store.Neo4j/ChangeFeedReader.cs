using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.Store.Neo4j.Http;
using KnowledgeGraph.Store.Neo4j.Mapping;

namespace KnowledgeGraph.Store.Neo4j;

/// <summary>
/// Reads the change feed (<see cref="ChangeStatements"/>). The head is read first and the changes up to
/// it next, after the head's own bookmarks: every unit that reserved a position up to the head has
/// committed, so the page has no gap a later read could fill, and the next page starts at the head.
/// A reader behind the floor (tombstones pruned after their retention) gets <see cref="ChangeFeedGapException"/>.
/// </summary>
internal static class ChangeFeedReader
{
    public static async Task<ChangePage> ReadAsync(QueryApiTransport transport, IReadOnlyList<string> bookmarks, long after, int limit, CancellationToken cancellationToken)
    {
        var headResult = await transport.ReadAsync(ChangeStatements.Head.Bind(), bookmarks, cancellationToken);
        var head = headResult.Rows.Count == 0 ? 0 : headResult.Rows[0].GetInt64("head") ?? 0;
        var floor = headResult.Rows.Count == 0 ? 0 : headResult.Rows[0].GetInt64("floor") ?? 0;
        if (limit > 0 && after < floor) throw new ChangeFeedGapException(after, floor);
        if (limit <= 0 || head <= after) return new ChangePage([], Math.Max(head, after), HasMore: false);

        var headBookmarks = bookmarks.Union(headResult.Bookmarks, StringComparer.Ordinal).ToList();
        var result = await transport.ReadAsync(ChangeStatements.Read.Bind(("after", after), ("head", head), ("limit", limit)), headBookmarks, cancellationToken);
        var changes = result.Rows.Select(Change).ToList();
        var full = changes.Count == limit && changes[^1].Position < head;
        return new ChangePage(changes, full ? changes[^1].Position : head, full);
    }

    private static GraphChange Change(QueryResult.Row row)
    {
        var position = row.Get<long>("position");
        var name = row.Get<string>("name");
        return row.Get<string>("resource") switch
        {
            "entity" => new GraphChange(position, name, StoredRows.Entity(row), null),
            "relationship" => new GraphChange(position, name, null, StoredRows.Relationship(row)),
            _ => new GraphChange(position, name, null, null),
        };
    }
}
