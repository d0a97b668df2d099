using System.Diagnostics;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Store.Sqlite.Schema;
using KnowledgeGraph.V1;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>
/// The embedded graph store: one SQLite file in WAL mode that several processes open at once.
/// Thread-safe; register one instance per process. A unit of work is one IMMEDIATE transaction that
/// also appends to the change log, whose sequence gives consistency tokens and the change feed.
/// </summary>
public sealed class SqliteGraphStore : IGraphStore, IDisposable
{
    private const string StoreName = "sqlite";
    private const int PruneBatch = 10_000;

    private readonly SqliteDatabase _database;
    private readonly DeferredIndexes _deferredIndexes;
    private readonly TimeProvider _time;
    private readonly Lock _initializeLock = new();
    private Task? _initialized;

    public SqliteGraphStore(SqliteGraphStoreOptions options, TimeProvider? timeProvider = null, ILogger<SqliteGraphStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        _database = new SqliteDatabase(options, logger ?? (ILogger)NullLogger.Instance);
        _time = timeProvider ?? TimeProvider.System;
        _deferredIndexes = new DeferredIndexes(_database, options.BulkImportQuietPeriod, _time, logger ?? (ILogger)NullLogger.Instance);
    }

    public string Location => "sqlite:" + _database.FullPath;

    /// <summary>The connection string every connection of this store uses (for tools and tests).</summary>
    internal string ConnectionString => _database.ConnectionString;

    internal SqliteDatabase Database => _database;

    /// <summary>
    /// A connection to the store's file with the settings of the store's import units (page cache, busy
    /// timeout, foreign keys not checked), for a tool that writes beside the store, such as the
    /// benchmark's raw-insert peer.
    /// </summary>
    public Task<Microsoft.Data.Sqlite.SqliteConnection> OpenImportConnectionAsync(CancellationToken cancellationToken) => _database.OpenForImportsAsync(cancellationToken);

    /// <summary>
    /// Every entity's key by id, for such a tool to bind relationships' endpoint keys as the store's
    /// units of work bind the keys they read.
    /// </summary>
    public Task<Dictionary<string, long>> ReadEntityKeysAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync(session => EntityTable.AllKeysAsync(session, cancellationToken), cancellationToken);

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        Observe("Initialize", () => Task.FromResult(true), cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) =>
        Observe("Ping", () => _database.ReadAsync(s => s.ScalarAsync("SELECT count(*) FROM sqlite_master;", cancellationToken), cancellationToken), cancellationToken);

    public Task<IUnitOfWork> BeginAsync(ReadConsistency consistency, CancellationToken cancellationToken) =>
        Observe<IUnitOfWork>("Begin", async () => new SqliteUnitOfWork(await _database.BeginWriteAsync(cancellationToken), _time), cancellationToken);

    public Task<IUnitOfWork> BeginImportAsync(ReadConsistency consistency, CancellationToken cancellationToken) =>
        Observe<IUnitOfWork>("BeginImport", async () => new SqliteUnitOfWork(await _database.BeginWriteAsync(cancellationToken, import: true), _time, import: true), cancellationToken);

    public Task<IAsyncDisposable> BeginBulkImportAsync(string collection, CancellationToken cancellationToken) =>
        Observe("BeginBulkImport", () => _deferredIndexes.BeginAsync(collection, cancellationToken), cancellationToken);

    public Task<IGraphSnapshot> OpenSnapshotAsync(ReadConsistency consistency, CancellationToken cancellationToken) =>
        Observe<IGraphSnapshot>("OpenSnapshot", async () => new SqliteSnapshot(await _database.BeginReadAsync(cancellationToken)), cancellationToken);

    public Task<ChangePage> ReadChangesAsync(long after, int limit, ReadConsistency consistency, CancellationToken cancellationToken) =>
        Observe("ReadChanges", async () =>
        {
            await using var read = await _database.BeginReadAsync(cancellationToken);
            var (head, floor) = await ChangeLog.BoundsAsync(read.Session, cancellationToken);
            if (limit > 0 && after < floor) throw new ChangeFeedGapException(after, floor);
            var rows = await ChangeLog.AfterAsync(read.Session, after, Math.Max(0, limit), cancellationToken);
            var entities = (await EntityTable.FindManyAsync(read.Session, rows.Select(r => r.Resource).Where(Domain.ResourceNames.IsEntityName), cancellationToken)).ToDictionary(e => e.Name);
            var relationships = (await RelationshipTable.FindManyAsync(read.Session, rows.Select(r => r.Resource).Where(Domain.ResourceNames.IsRelationshipName), cancellationToken)).ToDictionary(r => r.Name);
            var changes = rows.Select(r => new GraphChange(r.Seq, r.Resource, entities.GetValueOrDefault(r.Resource), relationships.GetValueOrDefault(r.Resource))).ToList();
            var full = limit > 0 && rows.Count == limit;
            var position = full ? rows[^1].Seq : Math.Max(after, head);
            return new ChangePage(changes, position, full);
        }, cancellationToken);

    public Task<ReadConsistency> WaitForAsync(string consistencyToken, TimeSpan maxWait, CancellationToken cancellationToken) =>
        Observe("WaitFor", async () =>
        {
            var wanted = ConsistencyToken.Parse(consistencyToken);
            var started = Stopwatch.GetTimestamp();
            var pause = TimeSpan.FromMilliseconds(5);
            while (true)
            {
                var (reached, floor) = await _database.ReadAsync(s => ChangeLog.BoundsAsync(s, cancellationToken), cancellationToken);
                if (floor > 0 && wanted <= floor) throw ConsistencyErrors.Expired(consistencyToken);
                if (reached >= wanted) return ReadConsistency.None;
                var remaining = maxWait - Stopwatch.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero) throw ConsistencyErrors.Timeout(consistencyToken, maxWait, SqliteDatabase.RetryAfter);
                await Task.Delay(remaining < pause ? remaining : pause, cancellationToken);
                pause = TimeSpan.FromMilliseconds(Math.Min(50, pause.TotalMilliseconds * 2));
            }
        }, cancellationToken);

    /// <summary>Deletes in batches of <see cref="PruneBatch"/> rows, each its own short write transaction.</summary>
    public Task<PruneResult> PruneAsync(DateTimeOffset changesBefore, DateTimeOffset requestsBefore, CancellationToken cancellationToken) =>
        Observe("Prune", async () =>
        {
            var changes = await DeleteInBatchesAsync((s, ct) => ChangeLog.PruneAsync(s, changesBefore, PruneBatch, ct), cancellationToken);
            var requests = await DeleteInBatchesAsync((s, ct) => RequestLog.PruneAsync(s, requestsBefore, PruneBatch, ct), cancellationToken);
            var (_, floor) = await _database.ReadAsync(s => ChangeLog.BoundsAsync(s, cancellationToken), cancellationToken);
            return new PruneResult(changes, requests, floor);
        }, cancellationToken);

    private async Task<long> DeleteInBatchesAsync(Func<SqlSession, CancellationToken, Task<int>> deleteBatch, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            int deleted;
            await using (var write = await _database.BeginWriteAsync(cancellationToken))
            {
                deleted = await deleteBatch(write.Session, cancellationToken);
                await write.CommitAsync(cancellationToken);
            }
            total += deleted;
            if (deleted < PruneBatch) return total;
        }
    }

    /// <summary>
    /// The secondary indexes the file lacks: those a bulk import deferred (in this process or another)
    /// and has not built yet. Unlike every other call, this one does not open the store first, which
    /// would build them (see <see cref="SqliteDatabase.MigrateAsync"/>).
    /// </summary>
    public Task<IReadOnlyList<string>> MissingSecondaryIndexesAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync<IReadOnlyList<string>>(async session =>
        {
            var present = (await session.QueryAsync("SELECT name FROM sqlite_master WHERE type = 'index';", r => r.GetString(0), cancellationToken)).ToHashSet(StringComparer.Ordinal);
            return [.. SecondaryIndexes.AllNames.Where(name => !present.Contains(name))];
        }, cancellationToken);

    /// <summary>Builds the indexes a bulk import deferred, if their quiet period has not passed yet, and closes this file's idle pooled connections.</summary>
    public void Dispose()
    {
        _deferredIndexes.Dispose();
        SqliteConnection.ClearPool(new SqliteConnection(_database.ConnectionString));
    }

    private async Task<T> Observe<T>(string operation, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        using var telemetry = StoreTelemetry.Start(StoreName, operation);
        telemetry.Activity?.SetTag("db.system.name", "sqlite");
        try
        {
            await EnsureInitializedAsync(cancellationToken);
            return await work();
        }
        catch (Exception ex)
        {
            telemetry.Fail(ex);
            throw;
        }
    }

    // Migrates once per instance, on first use; a failed attempt is retried by the next call.
    private Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        lock (_initializeLock)
        {
            if (_initialized is null || _initialized.IsFaulted || _initialized.IsCanceled)
                _initialized = _database.MigrateAsync(SchemaMigrations.LatestVersion, CancellationToken.None);
            return _initialized.WaitAsync(cancellationToken);
        }
    }
}
