using KnowledgeGraph.Store.Sqlite.Schema;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>
/// Bulk imports into a nearly empty table: keeping its secondary indexes up to date row by row costs
/// far more than building them once, sorted, at the end. The first import of a collection in this
/// process drops them when the table holds fewer than <see cref="NearlyEmptyRows"/> rows; the last one
/// to end builds them again. Reads stay correct meanwhile, only slower (no adjacency index).
/// </summary>
internal sealed class DeferredIndexes(SqliteDatabase database, ILogger logger)
{
    public const int NearlyEmptyRows = 10_000;

    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<string, int> _open = [];
    private readonly HashSet<string> _dropped = [];

    public async Task<IAsyncDisposable> BeginAsync(string collection, CancellationToken cancellationToken)
    {
        if (SecondaryIndexes.Of(collection) is not { } indexes) return NoBulkImport.Instance;
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var open = _open.GetValueOrDefault(collection);
            _open[collection] = open + 1;
            if (open == 0 && await IsNearlyEmptyAsync(indexes.Table, cancellationToken))
            {
                await RunAsync(indexes.Drop, cancellationToken);
                _dropped.Add(collection);
                logger.LogInformation("Bulk import into the nearly empty {Table} table: its secondary indexes are built at the end", indexes.Table);
            }
        }
        catch
        {
            _open[collection]--;
            throw;
        }
        finally
        {
            _lock.Release();
        }
        return new Scope(this, collection, indexes);
    }

    private async Task EndAsync(string collection, SecondaryIndexes indexes)
    {
        // Not cancellable: the indexes must come back whatever happened to the import.
        await _lock.WaitAsync(CancellationToken.None);
        try
        {
            if (--_open[collection] > 0 || !_dropped.Remove(collection)) return;
            await RunAsync(indexes.Create, CancellationToken.None);
            logger.LogInformation("Built the secondary indexes of the {Table} table after a bulk import", indexes.Table);
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<bool> IsNearlyEmptyAsync(string table, CancellationToken cancellationToken) =>
        await database.ReadAsync(async session => Convert.ToInt64(
            await session.ScalarAsync($"SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT {NearlyEmptyRows});", cancellationToken),
            System.Globalization.CultureInfo.InvariantCulture) < NearlyEmptyRows, cancellationToken);

    private async Task RunAsync(string sql, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        await write.Session.ExecuteAsync(sql, cancellationToken);
        await write.CommitAsync(cancellationToken);
    }

    private sealed class Scope(DeferredIndexes owner, string collection, SecondaryIndexes indexes) : IAsyncDisposable
    {
        private bool _ended;

        public async ValueTask DisposeAsync()
        {
            if (_ended) return;
            _ended = true;
            await owner.EndAsync(collection, indexes);
        }
    }
}
