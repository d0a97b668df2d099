namespace KnowledgeGraph.Store.Sqlite;

/// <summary>Where the embedded store keeps its file and how long a write waits for the file's lock.</summary>
public sealed record SqliteGraphStoreOptions(string DatabasePath)
{
    /// <summary>The store's file in its data directory.</summary>
    public const string DatabaseFileName = "graph.db";

    /// <summary>The data directory when none is configured, relative to the working directory.</summary>
    public const string DefaultDataPath = ".data";

    /// <summary>The store file of <paramref name="dataPath"/> (or of <see cref="DefaultDataPath"/> when empty), as a full path.</summary>
    public static string FileIn(string? dataPath) =>
        Path.Combine(Path.GetFullPath(string.IsNullOrEmpty(dataPath) ? DefaultDataPath : dataPath), DatabaseFileName);

    /// <summary>How long one statement waits for another connection's lock (PRAGMA busy_timeout).</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a whole transaction is retried after SQLITE_BUSY/LOCKED before UNAVAILABLE.</summary>
    public int MaxBusyRetries { get; init; } = 4;

    /// <summary>
    /// How long after a bulk import ends the secondary indexes it deferred are built, unless another
    /// import of the same collection begins first (the next call of a file spread over several). Zero
    /// builds them as the import ends.
    /// </summary>
    public TimeSpan BulkImportQuietPeriod { get; init; } = TimeSpan.FromSeconds(3);
}
