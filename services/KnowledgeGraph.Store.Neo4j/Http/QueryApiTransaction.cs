using KnowledgeGraph.Store.Neo4j.Cypher;

namespace KnowledgeGraph.Store.Neo4j.Http;

/// <summary>
/// An open explicit transaction. Every request in it carries the <c>neo4j-cluster-affinity</c> header
/// the server sent when it began (transactions.adoc), so a cluster keeps it on one member. A commit
/// that fails in any way (an error in the body, an HTTP failure, a timeout) is followed by a
/// best-effort rollback; disposing without a commit rolls back.
/// </summary>
public sealed class QueryApiTransaction(QueryApiTransport transport, string id, string? affinity) : IAsyncDisposable
{
    private bool _finished;

    public string Id { get; } = id;
    public string? Affinity { get; } = affinity;

    public Task<QueryResult> RunAsync(BoundStatement statement, CancellationToken cancellationToken) =>
        transport.RunInAsync(this, statement, cancellationToken);

    /// <summary>Commits once (never retried) and returns the bookmarks of the state committed.</summary>
    public async Task<IReadOnlyList<string>> CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            var bookmarks = await transport.CommitAsync(this, cancellationToken);
            _finished = true;
            return bookmarks;
        }
        catch
        {
            await RollbackQuietlyAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _finished ? ValueTask.CompletedTask : new ValueTask(RollbackQuietlyAsync());

    private async Task RollbackQuietlyAsync()
    {
        _finished = true;
        try
        {
            await transport.RollbackAsync(this, CancellationToken.None);
        }
        catch (Exception e) when (e is Neo4jServerException or HttpRequestException or TimeoutException)
        {
            // The transaction failed or expired already; the server rolls it back by itself.
        }
    }
}
