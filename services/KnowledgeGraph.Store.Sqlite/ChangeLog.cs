using System.Globalization;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>
/// The change log: one row per changed resource, written in the transaction that changes it. Its
/// sequence orders every change; the last one names the consistency token of a commit, and the log
/// is the store's change feed.
/// </summary>
internal static class ChangeLog
{
    public const string Create = "CREATE";
    public const string Update = "UPDATE";
    public const string Delete = "DELETE";

    public static async Task<long> AppendAsync(SqlSession session, string op, string resource, DateTimeOffset time, CancellationToken cancellationToken)
    {
        var seq = await session.ScalarAsync(
            "INSERT INTO change_log (op, resource, time) VALUES ($op, $resource, $time) RETURNING seq;",
            cancellationToken, ("$op", op), ("$resource", resource), ("$time", time.ToUnixTimeMilliseconds()));
        return Convert.ToInt64(seq, CultureInfo.InvariantCulture);
    }

    public static async Task<long> LastSeqAsync(SqlSession session, CancellationToken cancellationToken) =>
        Convert.ToInt64(await session.ScalarAsync("SELECT coalesce(max(seq), 0) FROM change_log;", cancellationToken), CultureInfo.InvariantCulture);

    /// <summary>The changes after <paramref name="after"/>, oldest first, at most <paramref name="limit"/>: their positions and resource names.</summary>
    public static Task<List<(long Seq, string Resource)>> AfterAsync(SqlSession session, long after, int limit, CancellationToken cancellationToken) =>
        session.QueryAsync(
            "SELECT seq, resource FROM change_log WHERE seq > $after ORDER BY seq LIMIT $limit;",
            r => (r.GetInt64(0), r.GetString(1)), cancellationToken, ("$after", after), ("$limit", limit));
}
