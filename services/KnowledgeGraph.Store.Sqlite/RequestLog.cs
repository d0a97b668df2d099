using KnowledgeGraph.Domain.Errors;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>
/// The first response to each request_id, recorded in the write's transaction, so a retried
/// request returns it and writes nothing (AIP-155).
/// </summary>
internal static class RequestLog
{
    public sealed record Recorded(byte[] Response, long Seq);

    /// <summary>The recorded response, null when the id is new; INVALID_ARGUMENT when another method used it.</summary>
    public static async Task<Recorded?> FindAsync(SqlSession session, string requestId, string method, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync(
            "SELECT method, response, seq FROM requests WHERE request_id = $id;",
            r => (Method: r.GetString(0), Response: (byte[])r.GetValue(1), Seq: r.GetInt64(2)),
            cancellationToken, ("$id", requestId));
        if (rows.Count == 0) return null;
        var row = rows[0];
        if (row.Method != method)
            throw GraphException.InvalidArgument(ErrorReasons.RequestIdReused, "request_id",
                $"was already used for {row.Method}; use a new request_id for {method}");
        return new Recorded(row.Response, row.Seq);
    }

    public static Task RecordAsync(SqlSession session, string requestId, string method, byte[] response, long seq, DateTimeOffset time, CancellationToken cancellationToken) =>
        session.ExecuteAsync(
            "INSERT INTO requests (request_id, method, response, seq, time) VALUES ($id, $method, $response, $seq, $time);",
            cancellationToken,
            ("$id", requestId), ("$method", method), ("$response", response), ("$seq", seq),
            ("$time", time.ToUnixTimeMilliseconds()));
}
