namespace KnowledgeGraph.Store;

/// <summary>
/// The graph store port: what the application core needs from a store, and nothing more. Two
/// adapters implement it (the embedded SQLite file and Neo4j); a reference implementation in the
/// tests serves as the oracle of model-based tests. Every rule about what may be written lives in the
/// application core; a store keeps data, orders commits, and reports what it cannot do as
/// <see cref="Domain.Errors.GraphException"/> (UNAVAILABLE) or <see cref="StoreConflictException"/>.
/// </summary>
public interface IGraphStore
{
    /// <summary>Where the data lives, for health checks and the dashboard (no secrets).</summary>
    string Location { get; }

    /// <summary>Creates or migrates the schema. Idempotent; safe to call from several processes.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>A cheap round trip to the store; throws when it is unreachable.</summary>
    Task PingAsync(CancellationToken cancellationToken);

    /// <summary>Starts a write: see <see cref="IUnitOfWork"/>. Its reads wait for <paramref name="consistency"/>.</summary>
    Task<IUnitOfWork> BeginAsync(ReadConsistency consistency, CancellationToken cancellationToken);

    /// <summary>
    /// Says a bulk import into <paramref name="collection"/> (<c>entities</c> or <c>relationships</c>)
    /// starts; dispose the result when it ends. Its units of work are ordinary ones: a store may only
    /// defer work that does not change what is stored or read (the embedded store drops the
    /// collection's secondary indexes when the table is nearly empty and builds them again at the end).
    /// </summary>
    Task<IAsyncDisposable> BeginBulkImportAsync(string collection, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NoBulkImport.Instance);

    /// <summary>
    /// Starts a unit of work of a bulk import, inside <see cref="BeginBulkImportAsync"/>: it inserts and
    /// replaces resources of one collection and deletes nothing (a store may refuse a delete). Its reads
    /// and writes mean what an ordinary unit's do, but a store may leave out a check that such a unit
    /// cannot fail: the embedded store does not check foreign keys, since every endpoint a relationship
    /// refers to was read in the same transaction, or is looked up by name in the statement that writes it.
    /// </summary>
    Task<IUnitOfWork> BeginImportAsync(ReadConsistency consistency, CancellationToken cancellationToken) =>
        BeginAsync(consistency, cancellationToken);

    /// <summary>Opens a read-only view for one call: see <see cref="IGraphSnapshot"/>.</summary>
    Task<IGraphSnapshot> OpenSnapshotAsync(ReadConsistency consistency, CancellationToken cancellationToken);

    /// <summary>
    /// The change feed: changes committed after position <paramref name="after"/> (0: from the
    /// start), oldest first, at most <paramref name="limit"/>. Each names a resource and its state now.
    /// Throws <see cref="ChangeFeedGapException"/> when entries after <paramref name="after"/> were pruned:
    /// the reader must start again from a full read. A <paramref name="limit"/> of 0 only reads the head.
    /// </summary>
    Task<ChangePage> ReadChangesAsync(long after, int limit, ReadConsistency consistency, CancellationToken cancellationToken);

    /// <summary>
    /// Returns once the store has applied the write behind <paramref name="consistencyToken"/>, with the
    /// consistency that the reads of the same call must carry. INVALID_ARGUMENT
    /// (INVALID_CONSISTENCY_TOKEN) for a token this store did not issue; UNAVAILABLE
    /// (CONSISTENCY_TIMEOUT) when the store has not caught up within <paramref name="maxWait"/>;
    /// FAILED_PRECONDITION (CONSISTENCY_TOKEN_EXPIRED) for a token of a change at or below the floor of
    /// the feed the store still keeps (see <see cref="PruneAsync"/>).
    /// </summary>
    Task<ReadConsistency> WaitForAsync(string consistencyToken, TimeSpan maxWait, CancellationToken cancellationToken);

    /// <summary>
    /// Bounded growth: forgets the change-feed entries committed before <paramref name="changesBefore"/>
    /// (an entry of a resource that still exists may stay: it is the resource's current state) and the
    /// recorded responses of request ids first seen before <paramref name="requestsBefore"/>, a batch per
    /// transaction so writers are not held up. Afterwards a feed read from a position before the first
    /// kept entry throws <see cref="ChangeFeedGapException"/>, and a consistency token of a forgotten
    /// entry is expired. Idempotent; safe to run from several processes at once.
    /// </summary>
    Task<PruneResult> PruneAsync(DateTimeOffset changesBefore, DateTimeOffset requestsBefore, CancellationToken cancellationToken);
}

/// <summary>What one <see cref="IGraphStore.PruneAsync"/> forgot, and where the change feed now starts (its floor).</summary>
public sealed record PruneResult(long Changes, long Requests, long FeedFloor);

/// <summary>A bulk import scope that defers nothing.</summary>
public sealed class NoBulkImport : IAsyncDisposable
{
    public static NoBulkImport Instance { get; } = new();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
