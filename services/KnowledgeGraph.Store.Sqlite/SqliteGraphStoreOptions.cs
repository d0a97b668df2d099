namespace KnowledgeGraph.Store.Sqlite;

/// <summary>Where the embedded store keeps its file and how long a write waits for the file's lock.</summary>
public sealed record SqliteGraphStoreOptions(string DatabasePath)
{
    /// <summary>How long one statement waits for another connection's lock (PRAGMA busy_timeout).</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a whole transaction is retried after SQLITE_BUSY/LOCKED before UNAVAILABLE.</summary>
    public int MaxBusyRetries { get; init; } = 4;
}
