using System.Diagnostics;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.Store.Sqlite.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StatusCode = Grpc.Core.StatusCode;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>
/// The embedded graph store: one SQLite file in WAL mode that several processes open at once.
/// Thread-safe; register one instance per process. Every write is one IMMEDIATE transaction that
/// also appends to the change log, whose sequence gives etags and consistency tokens.
/// </summary>
public sealed partial class SqliteGraphStore : IGraphStore, IDisposable
{
    private const string StoreName = "sqlite";

    private readonly SqliteDatabase _database;
    private readonly GraphValidator _validator;
    private readonly TimeProvider _time;
    private readonly Lock _initializeLock = new();
    private Task? _initialized;

    public SqliteGraphStore(SqliteGraphStoreOptions options, GraphValidator validator, TimeProvider? timeProvider = null, ILogger<SqliteGraphStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        _database = new SqliteDatabase(options, logger ?? (ILogger)NullLogger.Instance);
        _validator = validator;
        _time = timeProvider ?? TimeProvider.System;
    }

    public string Location => "sqlite:" + _database.FullPath;

    /// <summary>The connection string every connection of this store uses (for tools and tests).</summary>
    internal string ConnectionString => _database.ConnectionString;

    internal SqliteDatabase Database => _database;

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        Observe("Initialize", () => Task.FromResult(true), cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) =>
        Observe("Ping", () => _database.ReadAsync(s => s.ScalarAsync("SELECT count(*) FROM sqlite_master;", cancellationToken), cancellationToken), cancellationToken);

    public Task WaitForAsync(string consistencyToken, TimeSpan maxWait, CancellationToken cancellationToken) =>
        Observe("WaitFor", async () =>
        {
            var wanted = ConsistencyToken.Parse(consistencyToken);
            var started = Stopwatch.GetTimestamp();
            var pause = TimeSpan.FromMilliseconds(5);
            while (true)
            {
                var reached = await _database.ReadAsync(s => ChangeLog.LastSeqAsync(s, cancellationToken), cancellationToken);
                if (reached >= wanted) return true;
                var remaining = maxWait - Stopwatch.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero)
                    throw new GraphException(StatusCode.Unavailable, ErrorReasons.ConsistencyTimeout,
                        $"The store has not reached consistency token '{consistencyToken}' within {maxWait.TotalMilliseconds:0} ms; retry later.");
                await Task.Delay(remaining < pause ? remaining : pause, cancellationToken);
                pause = TimeSpan.FromMilliseconds(Math.Min(50, pause.TotalMilliseconds * 2));
            }
        }, cancellationToken);

    /// <summary>Closes this file's idle pooled connections.</summary>
    public void Dispose() => SqliteConnection.ClearPool(new SqliteConnection(_database.ConnectionString));

    /// <summary>
    /// Runs one write: replays a recorded <paramref name="requestId"/>, or runs <paramref name="work"/>
    /// and records its result, all in one transaction; the token names the commit's last change.
    /// </summary>
    private Task<Committed<T>> WriteAsync<T>(string method, string? requestId, Codec<T> codec, Func<WriteContext, Task<T>> work, CancellationToken cancellationToken) =>
        Observe(method, () => _database.WriteAsync(async session =>
        {
            if (!string.IsNullOrEmpty(requestId) && await RequestLog.FindAsync(session, requestId, method, cancellationToken) is { } recorded)
                return new Committed<T>(codec.Decode(recorded.Response), ConsistencyToken.Format(recorded.Seq));

            var context = new WriteContext(session, _time.GetUtcNow());
            var value = await work(context);
            var seq = context.LastSeq ?? await ChangeLog.LastSeqAsync(session, cancellationToken);
            if (!string.IsNullOrEmpty(requestId))
                await RequestLog.RecordAsync(session, requestId, method, codec.Encode(value), seq, context.Now, cancellationToken);
            return new Committed<T>(value, ConsistencyToken.Format(seq));
        }, cancellationToken), cancellationToken);

    private Task<T> ReadAsync<T>(string operation, Func<SqlSession, Task<T>> read, CancellationToken cancellationToken) =>
        Observe(operation, () => _database.ReadAsync(read, cancellationToken), cancellationToken);

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
