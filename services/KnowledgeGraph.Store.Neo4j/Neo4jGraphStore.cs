using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.Store.Neo4j.Http;

namespace KnowledgeGraph.Store.Neo4j;

/// <summary>
/// The graph store on Neo4j, over the HTTP Query API v2 (<see cref="QueryApiTransport"/>). Every write
/// is one explicit transaction that returns Neo4j's bookmarks as its consistency token; reads carry the
/// bookmarks of this instance's last write and of the token a caller waited for.
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphStore
{
    private const string Store = "neo4j";

    private readonly QueryApiTransport _transport;
    private readonly GraphValidator _validator;
    private readonly TimeProvider _time;
    private readonly Lock _bookmarkLock = new();
    private readonly AsyncLocal<IReadOnlyList<string>?> _awaited = new();
    private IReadOnlyList<string> _lastWrite = [];

    public Neo4jGraphStore(Neo4jStoreOptions options, HttpClient httpClient, GraphValidator validator, TimeProvider? time = null)
        : this(new QueryApiTransport(httpClient, options), validator, time)
    {
    }

    internal Neo4jGraphStore(QueryApiTransport transport, GraphValidator validator, TimeProvider? time = null)
    {
        _transport = transport;
        _validator = validator;
        _time = time ?? TimeProvider.System;
        _entityKindLabels = EntityStatements.SetKindLabel(validator.Ontology);
        _relationshipCreates = RelationshipStatements.Create(validator.Ontology);
    }

    public string Location => _transport.Options.Location;

    /// <summary>
    /// Checks that Neo4j answers (one clear <see cref="Neo4jStartupException"/> for a wrong URL, wrong
    /// credentials or a disabled Query API), then creates the constraints and indexes if missing.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        using var operation = StoreTelemetry.Start(Store, "Initialize");
        try
        {
            await CheckConnectionAsync(cancellationToken);
            foreach (var statement in SchemaStatements.All(_validator.Ontology))
                await _transport.RunAsync(statement.Bind(), [], readOnly: false, cancellationToken);
        }
        catch (Exception e)
        {
            operation.Fail(e);
            throw;
        }
    }

    public async Task PingAsync(CancellationToken cancellationToken) =>
        await ReadAsync("Ping", () => _transport.RunAsync(ServiceStatements.Ping.Bind(), [], readOnly: true, cancellationToken));

    private async Task CheckConnectionAsync(CancellationToken cancellationToken)
    {
        var where = $"{Location} (ConnectionStrings:neo4j)";
        try
        {
            await _transport.RunAsync(ServiceStatements.Ping.Bind(), [], readOnly: true, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new Neo4jStartupException($"Cannot reach Neo4j at {where}: {e.Message}. Check the Endpoint host and port (HTTP 7474, HTTPS 7473) and that the server is running.");
        }
        catch (TimeoutException e)
        {
            throw new Neo4jStartupException($"Neo4j at {where} did not answer: {e.Message} Check the Endpoint, firewalls, and the Timeout setting.");
        }
        catch (Neo4jServerException e) when (e.HttpStatus is 401 or 403 || e.Code.StartsWith("Neo.ClientError.Security.", StringComparison.Ordinal))
        {
            throw new Neo4jStartupException($"Neo4j at {where} refused the credentials ({Neo4jErrors.Describe(e)}). Check Username and Password (or Token) in ConnectionStrings:neo4j.");
        }
        catch (Neo4jServerException e) when (e.Code == "Neo.ClientError.Database.DatabaseNotFound")
        {
            throw new Neo4jStartupException($"Neo4j at {where} has no database '{_transport.Options.Database}' ({e.ServerMessage}). Create it, or set Database= in ConnectionStrings:neo4j.");
        }
        catch (Neo4jServerException e) when (e.HttpStatus == 404)
        {
            throw new Neo4jStartupException($"Neo4j at {where} serves no Query API at {_transport.QueryPath} (HTTP 404). The Query API is on by default from Neo4j 5.25; on 5.19-5.24 add QUERY_API_ENDPOINTS to server.http_enabled_modules. Also check that the Endpoint is the HTTP(S) port, not Bolt.");
        }
        catch (Neo4jServerException e)
        {
            throw new Neo4jStartupException($"Neo4j at {where} failed the start-up check ({Neo4jErrors.Describe(e)}).");
        }
    }

    /// <summary>Deletes every node and relationship of the database; the conformance tests start each test from an empty graph with it.</summary>
    internal Task DeleteEverythingAsync(CancellationToken cancellationToken) =>
        _transport.RunAsync(ServiceStatements.DeleteEverything.Bind(), [], readOnly: false, cancellationToken);

    /// <summary>The bookmarks a read must wait for: this instance's last write and the token the caller waited for.</summary>
    private IReadOnlyList<string> ReadBookmarks()
    {
        IReadOnlyList<string> own;
        lock (_bookmarkLock) own = _lastWrite;
        var awaited = _awaited.Value ?? [];
        return awaited.Count == 0 ? own : own.Count == 0 ? awaited : [.. own.Union(awaited, StringComparer.Ordinal)];
    }

    private void Remember(IReadOnlyList<string> bookmarks)
    {
        if (bookmarks.Count == 0) return;
        lock (_bookmarkLock) _lastWrite = bookmarks;
    }

    private Task<QueryResult> QueryAsync(BoundStatement statement, CancellationToken cancellationToken) =>
        _transport.RunAsync(statement, ReadBookmarks(), readOnly: true, cancellationToken);

    private async Task<T> ReadAsync<T>(string operation, Func<Task<T>> read)
    {
        using var telemetry = StoreTelemetry.Start(Store, operation);
        try
        {
            return await read();
        }
        catch (Exception e)
        {
            telemetry.Fail(e);
            var mapped = Neo4jErrors.Map(e, Location);
            if (ReferenceEquals(mapped, e)) throw;
            throw mapped;
        }
    }

    /// <summary>
    /// Runs a write in one explicit transaction and returns its bookmarks as the consistency token.
    /// With a request id, a recorded first response is returned instead (nothing is written), and the
    /// response is recorded in the same transaction as the write.
    /// </summary>
    private async Task<Committed<T>> WriteAsync<T>(string operation, string? requestId, ReplayCodec<T> codec, Func<QueryApiTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        using var telemetry = StoreTelemetry.Start(Store, operation);
        try
        {
            if (requestId is not null && await ReplayAsync(operation, requestId, codec, cancellationToken) is { } replayed)
                return replayed;
            try
            {
                var (value, bookmarks) = await _transport.InTransactionAsync(ReadBookmarks(), async tx =>
                {
                    var value = await write(tx);
                    if (requestId is not null)
                        await tx.RunAsync(ServiceStatements.RecordRequest.Bind(("id", requestId), ("method", operation), ("response", codec.Write(value)), ("now", _time.GetUtcNow())), cancellationToken);
                    return value;
                }, cancellationToken);
                Remember(bookmarks);
                return new Committed<T>(value, ConsistencyTokens.Create(bookmarks));
            }
            catch (Neo4jServerException e) when (requestId is not null && Neo4jErrors.IsConstraintViolation(e, GraphModel.RequestRecordLabel))
            {
                // The same request ran concurrently and committed first: answer as its retry.
                return await ReplayAsync(operation, requestId, codec, cancellationToken)
                    ?? throw Neo4jErrors.Unavailable($"Request {requestId} was recorded and then vanished; retry it.");
            }
        }
        catch (Exception e)
        {
            telemetry.Fail(e);
            var mapped = Neo4jErrors.Map(e, Location);
            if (ReferenceEquals(mapped, e)) throw;
            throw mapped;
        }
    }

    private async Task<Committed<T>?> ReplayAsync<T>(string operation, string requestId, ReplayCodec<T> codec, CancellationToken cancellationToken)
    {
        var result = await QueryAsync(ServiceStatements.FindRequest.Bind(("id", requestId)), cancellationToken);
        if (result.Rows.Count == 0) return null;
        var row = result.Rows[0];
        var method = row.GetString("method");
        if (method != operation)
            throw GraphException.InvalidArgument(ErrorReasons.RequestIdReused, "request_id", $"was already used for {method}; use a new request_id for {operation}");
        // The read that found the record saw the write that made it: its bookmarks name a state that includes it.
        return new Committed<T>(codec.Read(row.Get<string>("response")), ConsistencyTokens.Create(result.Bookmarks.Count > 0 ? result.Bookmarks : ReadBookmarks()));
    }
}
