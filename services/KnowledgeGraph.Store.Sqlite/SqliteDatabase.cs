using System.Globalization;
using System.Runtime.CompilerServices;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Store.Sqlite.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>
/// The SQLite file: pooled connections with the store's pragmas, the schema migrations, and
/// transactions that survive other processes holding the write lock.
/// </summary>
internal sealed class SqliteDatabase
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;

    private readonly SqliteGraphStoreOptions _options;
    private readonly ILogger _logger;
    private readonly string _writerPragmas;
    private readonly string _importPragmas;
    private readonly string _readerPragmas;

    /// <summary>Page cache of a connection while it writes, in KiB: room for the indexes a large import keeps up to date.</summary>
    private const int WriterCacheKibibytes = 65_536;

    /// <summary>
    /// Page cache of a connection while it only reads, in KiB (SQLite's default): the upper levels of
    /// the b-trees, the rest read from the OS's cache of the file. With the writers' 64 MiB, every pooled
    /// connection of the Queries service filled its own copy with the pages its evidence reads touched.
    /// </summary>
    private const int ReaderCacheKibibytes = 2_048;

    /// <summary>The native connections (pooled) and the pragmas they last ran (<see cref="_writerPragmas"/> or <see cref="_readerPragmas"/>).</summary>
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, string> Configured = new();

    // One writer per instance at a time: in-process writers queue here instead of spinning in SQLite's busy handler.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteDatabase(SqliteGraphStoreOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        FullPath = Path.GetFullPath(options.DatabasePath);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        var common = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;");
        // Negative: a size in KiB, not a page count. Lowering it frees the pages over the new size.
        var writerCache = string.Create(CultureInfo.InvariantCulture, $" PRAGMA cache_size = -{WriterCacheKibibytes};");
        _writerPragmas = "PRAGMA foreign_keys = ON; " + common + writerCache;
        _importPragmas = "PRAGMA foreign_keys = OFF; " + common + writerCache;
        _readerPragmas = "PRAGMA foreign_keys = ON; " + common + string.Create(CultureInfo.InvariantCulture, $" PRAGMA cache_size = -{ReaderCacheKibibytes};");
    }

    public string FullPath { get; }

    public string ConnectionString { get; }

    /// <summary>A pooled connection with the writers' settings.</summary>
    public Task<SqliteConnection> OpenForWritesAsync(CancellationToken cancellationToken) => OpenAsync(_writerPragmas, cancellationToken);

    /// <summary>
    /// A pooled connection with the writers' settings but foreign keys not checked: for the units of a
    /// bulk import (<see cref="IGraphStore.BeginImportAsync"/>), whose relationships bind endpoint keys read
    /// in their own transaction. At 1M entities, checking them again cost a random read of the entities
    /// table per endpoint. (<c>PRAGMA foreign_keys</c> cannot change inside a transaction, so a unit's
    /// connection is chosen when it begins.)
    /// </summary>
    public Task<SqliteConnection> OpenForImportsAsync(CancellationToken cancellationToken) => OpenAsync(_importPragmas, cancellationToken);

    /// <summary>A pooled connection with the readers' settings (a small page cache).</summary>
    public Task<SqliteConnection> OpenForReadsAsync(CancellationToken cancellationToken) => OpenAsync(_readerPragmas, cancellationToken);

    private async Task<SqliteConnection> OpenAsync(string pragmas, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // The settings stay with the native connection, which the pool hands out again and again.
            if (Configured.TryGetValue(connection.Handle!, out var applied) && applied == pragmas) return connection;
            await using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Configured.AddOrUpdate(connection.Handle!, pragmas);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates the file if needed, turns on WAL and applies the migrations the file lacks.</summary>
    public async Task MigrateAsync(int targetVersion, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(FullPath);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);

        await RetryBusyAsync(async () =>
        {
            await using var connection = await OpenForWritesAsync(cancellationToken);
            await using (var wal = connection.CreateCommand())
            {
                // Persistent in the file; every later connection, in any process, uses WAL.
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                await wal.ExecuteScalarAsync(cancellationToken);
            }

            // IMMEDIATE takes the write lock first, so two processes starting together migrate once.
            await using var transaction = connection.BeginTransaction(deferred: false);
            var session = new SqlSession(connection, transaction);
            var current = Convert.ToInt32(await session.ScalarAsync("PRAGMA user_version;", cancellationToken), CultureInfo.InvariantCulture);
            if (current > SchemaMigrations.LatestVersion)
                throw new InvalidOperationException($"The store file {FullPath} has schema version {current}, newer than this build's {SchemaMigrations.LatestVersion}.");
            for (var version = current + 1; version <= targetVersion; version++)
            {
                await session.ExecuteAsync(SchemaMigrations.Steps[version - 1], cancellationToken);
                _logger.LogInformation("Migrated the graph store {Path} to schema version {Version}", FullPath, version);
            }
            if (targetVersion > current)
                await session.ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {targetVersion};"), cancellationToken);
            // A bulk import that stopped before it rebuilt the indexes it deferred (see DeferredIndexes) leaves them missing.
            if (targetVersion == SchemaMigrations.LatestVersion)
                await session.ExecuteAsync(SecondaryIndexes.CreateAll, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> on a connection of its own (no transaction).</summary>
    public Task<T> ReadAsync<T>(Func<SqlSession, Task<T>> work, CancellationToken cancellationToken) =>
        RetryBusyAsync(async () =>
        {
            await using var connection = await OpenForReadsAsync(cancellationToken);
            return await work(new SqlSession(connection, null));
        }, cancellationToken);

    /// <summary>
    /// Opens a connection and begins a transaction IMMEDIATE, so it holds the file's write lock from
    /// its first read to its end. In-process writers queue on a gate; another process's writer is
    /// waited for (busy_timeout), and the begin retried with backoff within a bound, then UNAVAILABLE.
    /// Disposing the returned write ends the transaction (rolled back unless committed) and frees the gate.
    /// An <paramref name="import"/> write runs on a connection of <see cref="OpenForImportsAsync"/>.
    /// </summary>
    public async Task<OpenTransaction> BeginWriteAsync(CancellationToken cancellationToken, bool import = false)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            return await RetryBusyAsync(async () =>
            {
                var connection = import ? await OpenForImportsAsync(cancellationToken) : await OpenForWritesAsync(cancellationToken);
                try
                {
                    return new OpenTransaction(connection, connection.BeginTransaction(deferred: false), _writeGate);
                }
                catch
                {
                    await connection.DisposeAsync();
                    throw;
                }
            }, cancellationToken);
        }
        catch
        {
            _writeGate.Release();
            throw;
        }
    }

    /// <summary>Opens a connection in a read transaction: every statement of it reads the same snapshot (WAL readers never block writers).</summary>
    public async Task<OpenTransaction> BeginReadAsync(CancellationToken cancellationToken) =>
        await RetryBusyAsync(async () =>
        {
            var connection = await OpenForReadsAsync(cancellationToken);
            return new OpenTransaction(connection, connection.BeginTransaction(deferred: true), gate: null);
        }, cancellationToken);

    private async Task<T> RetryBusyAsync<T>(Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            try
            {
                return await attempt();
            }
            catch (SqliteException ex) when (IsBusy(ex) && retry < _options.MaxBusyRetries)
            {
                var delay = TimeSpan.FromMilliseconds(Math.Min(500, 20 * (1 << retry)) + Random.Shared.Next(0, 20));
                _logger.LogWarning("The graph store {Path} was busy ({Message}); retry {Retry} in {Delay} ms", FullPath, ex.Message, retry + 1, delay.TotalMilliseconds);
                await Task.Delay(delay, cancellationToken);
            }
            catch (SqliteException ex) when (IsBusy(ex) || IsUnavailable(ex))
            {
                throw Unavailable(ex);
            }
        }
    }

    /// <summary>UNAVAILABLE with retry advice: the file is busy or cannot be used now, whatever the request.</summary>
    public static GraphException Unavailable(SqliteException ex) =>
        GraphException.Unavailable(ErrorReasons.StoreUnavailable, $"The graph store is unavailable: {ex.Message}. Retry later.", RetryAfter);

    /// <summary>How long a client should wait before retrying a write the busy file refused.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    public static bool IsConstraintViolation(SqliteException ex) => ex.SqliteErrorCode == SqliteConstraint;

    public static bool IsBusyOrUnavailable(SqliteException ex) => IsBusy(ex) || IsUnavailable(ex);

    private static bool IsBusy(SqliteException ex) => ex.SqliteErrorCode is SqliteBusy or SqliteLocked;

    // SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN: the file, not the request, is at fault.
    private static bool IsUnavailable(SqliteException ex) => ex.SqliteErrorCode is 8 or 10 or 13 or 14;
}
