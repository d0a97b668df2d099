namespace KnowledgeGraph.Protocol;

/// <summary>The metadata headers of the API, shared by the services and their clients.</summary>
public static class ApiHeaders
{
    /// <summary>
    /// Writes return the consistency token of their commit in this response header; a read that sends
    /// it back in the same request header waits (bounded) until the store has that write.
    /// </summary>
    public const string ConsistencyToken = "x-kg-consistency-token";
}
