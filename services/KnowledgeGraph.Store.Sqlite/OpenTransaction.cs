using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>
/// A connection with its open transaction (a write's IMMEDIATE one, holding the in-process write
/// gate, or a snapshot's deferred one). Disposing rolls back what was not committed, closes the
/// connection and frees the gate.
/// </summary>
internal sealed class OpenTransaction(SqliteConnection connection, SqliteTransaction transaction, SemaphoreSlim? gate) : IAsyncDisposable
{
    private bool _disposed;

    public SqlSession Session { get; } = new(connection, transaction);

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            Session.Dispose();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
        finally
        {
            gate?.Release();
        }
    }
}
