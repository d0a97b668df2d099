namespace KnowledgeGraph.Store.Sqlite;

/// <summary>
/// The first response to each request_id, recorded in the write's transaction, so a retried
/// request returns it and writes nothing (AIP-155).
/// </summary>
internal static class RequestLog
{
    public static async Task<RecordedRequest?> FindAsync(SqlSession session, string requestId, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync(
            "SELECT method, response FROM requests WHERE request_id = $id;",
            r => new RecordedRequest(r.GetString(0), (byte[])r.GetValue(1)),
            cancellationToken, ("$id", requestId));
        return rows.Count == 0 ? null : rows[0];
    }

    public static Task RecordAsync(SqlSession session, string requestId, string method, byte[] response, long seq, DateTimeOffset time, CancellationToken cancellationToken) =>
        session.ExecuteAsync(
            "INSERT INTO requests (request_id, method, response, seq, time) VALUES ($id, $method, $response, $seq, $time);",
            cancellationToken,
            ("$id", requestId), ("$method", method), ("$response", response), ("$seq", seq),
            ("$time", time.ToUnixTimeMilliseconds()));

    /// <summary>Forgets at most <paramref name="batch"/> requests first seen before <paramref name="before"/>; returns how many.</summary>
    public static Task<int> PruneAsync(SqlSession session, DateTimeOffset before, int batch, CancellationToken cancellationToken) =>
        session.ExecuteAsync(
            "DELETE FROM requests WHERE request_id IN (SELECT request_id FROM requests WHERE time < $before LIMIT $batch);",
            cancellationToken, ("$before", before.ToUnixTimeMilliseconds()), ("$batch", batch));
}
