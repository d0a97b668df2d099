using KnowledgeGraph.Domain.Errors;

namespace KnowledgeGraph.Store;

/// <summary>What a store answers when it cannot honour a consistency token, worded once for every store.</summary>
public static class ConsistencyErrors
{
    /// <summary>UNAVAILABLE (CONSISTENCY_TIMEOUT): the store has not reached the token within <paramref name="waited"/>.</summary>
    public static GraphException Timeout(string token, TimeSpan waited, TimeSpan retryAfter) =>
        GraphException.Unavailable(ErrorReasons.ConsistencyTimeout,
            $"The store has not reached consistency token '{token}' within {waited.TotalMilliseconds:0} ms; retry later.", retryAfter);

    /// <summary>
    /// FAILED_PRECONDITION (CONSISTENCY_TOKEN_EXPIRED): the token names a change the store has pruned
    /// after its retention. That write is long committed, so every read sees it without the token.
    /// </summary>
    public static GraphException Expired(string token) =>
        GraphException.FailedPrecondition(ErrorReasons.ConsistencyTokenExpired,
            $"Consistency token '{token}' is older than the change feed this store keeps (see KnowledgeGraph:Retention): " +
            "the write it names was committed before the retention period, so every read already sees it. Call again without the token.");
}
