using System.Globalization;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>
/// The change log: one row per changed resource, written in the transaction that changes it.
/// Its sequence orders every commit; it names etags and consistency tokens.
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

    /// <summary>An etag names the change that last wrote the resource, so it changes on every write.</summary>
    public static string Etag(long seq) => seq.ToString(CultureInfo.InvariantCulture);
}
