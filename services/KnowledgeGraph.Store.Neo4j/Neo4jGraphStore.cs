using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.Store.Neo4j.Http;
using KnowledgeGraph.Store.Neo4j.Snapshot;
using KnowledgeGraph.Store.Neo4j.UnitOfWork;

namespace KnowledgeGraph.Store.Neo4j;

/// <summary>
/// The graph store on Neo4j 5.26+ over the HTTP Query API v2 (<see cref="QueryApiTransport"/>). A unit of
/// work is one explicit transaction whose commit bookmarks are its consistency token; snapshots and
/// the change feed read with auto-commit READ statements after this instance's bookmarks and the
/// call's <see cref="ReadConsistency"/>.
/// </summary>
public sealed class Neo4jGraphStore : IGraphStore
{
    private const int PruneBatch = 10_000;

    private readonly QueryApiTransport _transport;
    private readonly GraphOntology _ontology;
    private readonly WriteFlusher _flusher;
    private readonly BookmarkSet _bookmarks = new();

    public Neo4jGraphStore(Neo4jStoreOptions options, HttpClient httpClient, GraphOntology ontology)
        : this(new QueryApiTransport(httpClient, options), ontology)
    {
    }

    internal Neo4jGraphStore(QueryApiTransport transport, GraphOntology ontology)
    {
        _transport = transport;
        _ontology = ontology;
        _flusher = new WriteFlusher(ontology);
    }

    public string Location => _transport.Options.Location;

    /// <summary>
    /// Checks that Neo4j answers and serves explicit transactions (<see cref="StartupCheck"/>), then
    /// creates the constraints, the indexes and the change counter if they are missing.
    /// </summary>
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        StoreOperation.RunAsync("Initialize", Location, async () =>
        {
            await new StartupCheck(_transport).RunAsync(cancellationToken);
            foreach (var statement in SchemaStatements.All(_ontology))
                await _transport.WriteAsync(statement.Bind(), cancellationToken);
            await _transport.WriteAsync(ChangeStatements.EnsureCounter.Bind(), cancellationToken);
            return true;
        });

    public Task PingAsync(CancellationToken cancellationToken) =>
        StoreOperation.RunAsync("Ping", Location, () => _transport.ReadAsync(ServiceStatements.Ping.Bind(), [], cancellationToken));

    public Task<IUnitOfWork> BeginAsync(ReadConsistency consistency, CancellationToken cancellationToken) =>
        StoreOperation.RunAsync<IUnitOfWork>("Begin", Location, async () =>
        {
            var beganAfter = _bookmarks.With(consistency.Markers);
            var tx = await _transport.BeginAsync(beganAfter, cancellationToken);
            return new Neo4jUnitOfWork(tx, beganAfter, _bookmarks, _flusher, Location);
        });

    public Task<IGraphSnapshot> OpenSnapshotAsync(ReadConsistency consistency, CancellationToken cancellationToken) =>
        Task.FromResult<IGraphSnapshot>(new Neo4jSnapshot(_transport, _bookmarks.With(consistency.Markers)));

    public Task<ChangePage> ReadChangesAsync(long after, int limit, ReadConsistency consistency, CancellationToken cancellationToken) =>
        StoreOperation.RunAsync("ReadChanges", Location,
            () => ChangeFeedReader.ReadAsync(_transport, _bookmarks.With(consistency.Markers), after, limit, cancellationToken));

    /// <summary>
    /// Runs a trivial read with the token's bookmarks: Neo4j answers once it has applied those writes.
    /// The bookmarks come back as the <see cref="ReadConsistency"/> the caller passes to its next reads.
    /// </summary>
    public Task<ReadConsistency> WaitForAsync(string consistencyToken, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var bookmarks = ConsistencyTokens.Parse(consistencyToken);
        return StoreOperation.RunAsync("WaitFor", Location, async () =>
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(maxWait);
            try
            {
                await _transport.ReadAsync(ServiceStatements.Ping.Bind(), bookmarks, deadline.Token);
                return new ReadConsistency(bookmarks);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw ConsistencyErrors.Timeout(consistencyToken, maxWait, Neo4jErrors.RetryDelay);
            }
            catch (Neo4jServerException e) when (e.Code == Neo4jErrors.BookmarkTimeout)
            {
                throw ConsistencyErrors.Timeout(consistencyToken, maxWait, Neo4jErrors.RetryDelay);
            }
            catch (Neo4jServerException e) when (e.Code is Neo4jErrors.InvalidBookmark or Neo4jErrors.InvalidBookmarkMixture)
            {
                throw GraphException.InvalidArgument(ErrorReasons.InvalidConsistencyToken, "consistency_token", $"Neo4j does not accept its bookmarks: {e.ServerMessage}");
            }
        });
    }

    private async Task<QueryResult.Row> PruneBatchAsync(CypherStatement statement, DateTimeOffset before, CancellationToken cancellationToken) =>
        (await _transport.WriteAsync(statement.Bind(("before", before.ToUnixTimeMilliseconds()), ("limit", PruneBatch)), cancellationToken)).Single(statement.Name);

    /// <summary>Empties the graph and resets the change feed; the conformance tests start each test from here.</summary>
    internal async Task ClearAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in ServiceStatements.Clear) await _transport.WriteAsync(statement.Bind(), cancellationToken);
    }

    /// <summary>
    /// Deletes old tombstones (raising the feed's floor) and request records, a batch of
    /// <see cref="PruneBatch"/> per auto-commit transaction. Consistency tokens are bookmarks and do not expire.
    /// </summary>
    public Task<PruneResult> PruneAsync(DateTimeOffset changesBefore, DateTimeOffset requestsBefore, CancellationToken cancellationToken) =>
        StoreOperation.RunAsync("Prune", Location, async () =>
        {
            long changes = 0, requests = 0, floor;
            while (true)
            {
                var pruned = await PruneBatchAsync(ChangeStatements.PruneTombstones, changesBefore, cancellationToken);
                var count = pruned.GetInt64("count") ?? 0;
                (changes, floor) = (changes + count, pruned.GetInt64("floor") ?? 0);
                if (count < PruneBatch) break;
            }
            while (true)
            {
                var count = (await PruneBatchAsync(ServiceStatements.PruneRequests, requestsBefore, cancellationToken)).GetInt64("count") ?? 0;
                requests += count;
                if (count < PruneBatch) break;
            }
            return new PruneResult(changes, requests, floor);
        });
}
