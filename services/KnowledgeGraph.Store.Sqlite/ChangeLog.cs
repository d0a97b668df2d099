using System.Globalization;
using System.Text.Json;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>
/// The change log: one row per changed resource, written in the transaction that changes it. Its
/// sequence orders every change; the last one names the consistency token of a commit, and the log
/// is the store's change feed. Sequences are dense (a rolled-back insert gives its number back), so
/// after pruning, which removes a prefix and never the newest entry, the feed's floor is the first
/// kept sequence minus one.
/// </summary>
internal static class ChangeLog
{
    public const string Create = "CREATE";
    public const string Update = "UPDATE";
    public const string Delete = "DELETE";

    /// <summary>
    /// Appends one row per change, in the order given, in one statement (a unit of work's thousand
    /// rows cost one statement, not a thousand); returns the last sequence, or null when there are none.
    /// </summary>
    public static async Task<long?> AppendAllAsync(SqlSession session, IReadOnlyList<(string Op, string Resource)> changes, DateTimeOffset time, CancellationToken cancellationToken)
    {
        if (changes.Count == 0) return null;
        await session.ExecuteAsync(
            "INSERT INTO change_log (op, resource, time) SELECT value ->> 0, value ->> 1, $time FROM json_each($changes) ORDER BY key;",
            cancellationToken, ("$changes", JsonSerializer.Serialize(changes.Select(c => new[] { c.Op, c.Resource }))), ("$time", time.ToUnixTimeMilliseconds()));
        return Convert.ToInt64(await session.ScalarAsync("SELECT last_insert_rowid();", cancellationToken), CultureInfo.InvariantCulture);
    }

    public static async Task<long> LastSeqAsync(SqlSession session, CancellationToken cancellationToken) =>
        Convert.ToInt64(await session.ScalarAsync("SELECT coalesce(max(seq), 0) FROM change_log;", cancellationToken), CultureInfo.InvariantCulture);

    /// <summary>The changes after <paramref name="after"/>, oldest first, at most <paramref name="limit"/>: their positions and resource names.</summary>
    public static Task<List<(long Seq, string Resource)>> AfterAsync(SqlSession session, long after, int limit, CancellationToken cancellationToken) =>
        session.QueryAsync(
            "SELECT seq, resource FROM change_log WHERE seq > $after ORDER BY seq LIMIT $limit;",
            r => (r.GetInt64(0), r.GetString(1)), cancellationToken, ("$after", after), ("$limit", limit));

    /// <summary>
    /// The head (the last sequence) and the floor (every entry after it is still here; 0 when nothing
    /// was pruned), in one statement whose subqueries are each answered from an end of the primary key.
    /// </summary>
    public static async Task<(long Head, long Floor)> BoundsAsync(SqlSession session, CancellationToken cancellationToken) =>
        (await session.QueryAsync(
            "SELECT (SELECT coalesce(max(seq), 0) FROM change_log), (SELECT coalesce(min(seq) - 1, 0) FROM change_log);",
            r => (r.GetInt64(0), r.GetInt64(1)), cancellationToken))[0];

    /// <summary>
    /// Deletes the oldest entries committed before <paramref name="before"/>, at most
    /// <paramref name="batch"/>, as a prefix of the log that never includes the newest entry (it names
    /// the head). Returns how many it deleted.
    /// </summary>
    public static async Task<int> PruneAsync(SqlSession session, DateTimeOffset before, int batch, CancellationToken cancellationToken)
    {
        var oldest = await session.QueryAsync(
            "SELECT seq, time FROM change_log WHERE seq < (SELECT max(seq) FROM change_log) ORDER BY seq LIMIT $batch;",
            r => (Seq: r.GetInt64(0), Time: r.GetInt64(1)), cancellationToken, ("$batch", batch));
        var cutoff = before.ToUnixTimeMilliseconds();
        var prefix = oldest.TakeWhile(e => e.Time < cutoff).ToList();
        if (prefix.Count == 0) return 0;
        return await session.ExecuteAsync("DELETE FROM change_log WHERE seq <= $through;", cancellationToken, ("$through", prefix[^1].Seq));
    }
}
