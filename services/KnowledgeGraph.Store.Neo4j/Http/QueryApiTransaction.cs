using KnowledgeGraph.Store.Neo4j.Cypher;

namespace KnowledgeGraph.Store.Neo4j.Http;

/// <summary>
/// An open explicit transaction. Every request in it carries the <c>neo4j-cluster-affinity</c> header
/// the server sent when it was opened, so a load balancer in front of a cluster keeps it on one member.
/// Disposing without a commit rolls it back.
/// </summary>
public sealed class QueryApiTransaction(QueryApiTransport transport, string id, string? affinity) : IAsyncDisposable
{
    private bool _finished;

    public string Id { get; } = id;
    public string? Affinity { get; } = affinity;

    public Task<QueryResult> RunAsync(BoundStatement statement, CancellationToken cancellationToken) =>
        transport.RunInAsync(this, statement, cancellationToken);

    public async Task<IReadOnlyList<string>> CommitAsync(CancellationToken cancellationToken)
    {
        _finished = true;
        return await transport.CommitAsync(this, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_finished) return;
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
