using System.Net.Http.Headers;
using System.Text;
using KnowledgeGraph.Store.Neo4j.Cypher;

namespace KnowledgeGraph.Store.Neo4j.Http;

/// <summary>
/// Neo4j's HTTP Query API v2, and nothing else: auto-commit statements at <c>POST /db/{db}/query/v2</c>,
/// explicit transactions at <c>/db/{db}/query/v2/tx[/{id}[/commit]]</c>, typed JSON both ways, basic or
/// bearer auth, and a timeout per attempt. Only idempotent requests are retried (auto-commit reads and
/// BEGIN); a statement inside a transaction, a commit and a write are sent once, so nothing runs twice.
/// A Bolt driver could replace this class.
/// </summary>
public sealed class QueryApiTransport
{
    public const string MediaType = "application/vnd.neo4j.query";
    public const string AffinityHeader = "neo4j-cluster-affinity";

    private readonly HttpClient _http;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly AuthenticationHeaderValue? _auth;

    public QueryApiTransport(HttpClient http, Neo4jStoreOptions options, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _http = http;
        Options = options;
        _delay = delay ?? Task.Delay;
        _auth = options.Token is { } token
            ? new AuthenticationHeaderValue("Bearer", token)
            : options.Username is { } user
                ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{options.Password}")))
                : null;
    }

    public Neo4jStoreOptions Options { get; }

    /// <summary>The path of the auto-commit endpoint.</summary>
    public string QueryPath => $"/db/{Uri.EscapeDataString(Options.Database)}/query/v2";

    /// <summary>Runs a read-only statement in its own transaction, after <paramref name="bookmarks"/>; retried on transient failures.</summary>
    public Task<QueryResult> ReadAsync(BoundStatement statement, IReadOnlyCollection<string> bookmarks, CancellationToken cancellationToken) =>
        WithRetriesAsync(async ct => (await SendAsync(HttpMethod.Post, QueryPath,
            QueryApiRequest.Begin(statement, bookmarks, readOnly: true, Options.MaxExecutionTimeSeconds), null, ct)).Result, cancellationToken);

    /// <summary>Runs a writing statement in its own transaction, once (schema set-up and test clean-up).</summary>
    public async Task<QueryResult> WriteAsync(BoundStatement statement, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, QueryPath,
            QueryApiRequest.Begin(statement, [], readOnly: false, Options.MaxExecutionTimeSeconds), null, cancellationToken)).Result;

    /// <summary>Opens an explicit write transaction that waits for <paramref name="bookmarks"/>; retried, as nothing has run in it yet.</summary>
    public Task<QueryApiTransaction> BeginAsync(IReadOnlyCollection<string> bookmarks, CancellationToken cancellationToken) =>
        WithRetriesAsync(async ct =>
        {
            var response = await SendAsync(HttpMethod.Post, QueryPath + "/tx",
                QueryApiRequest.Begin(null, bookmarks, readOnly: false, Options.MaxExecutionTimeSeconds), null, ct);
            var id = response.TransactionId
                ?? throw new Neo4jServerException(response.Status, "", "The server opened no transaction: its answer has no transaction id.");
            return new QueryApiTransaction(this, id, response.Affinity);
        }, cancellationToken);

    internal async Task<QueryResult> RunInAsync(QueryApiTransaction tx, BoundStatement statement, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, TransactionPath(tx), QueryApiRequest.InTransaction(statement), tx.Affinity, cancellationToken)).Result;

    internal async Task<IReadOnlyList<string>> CommitAsync(QueryApiTransaction tx, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, TransactionPath(tx) + "/commit", QueryApiRequest.Commit, tx.Affinity, cancellationToken)).Result.Bookmarks;

    internal Task RollbackAsync(QueryApiTransaction tx, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, TransactionPath(tx), null, tx.Affinity, cancellationToken);

    private string TransactionPath(QueryApiTransaction tx) => $"{QueryPath}/tx/{Uri.EscapeDataString(tx.Id)}";

    private async Task<T> WithRetriesAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            try
            {
                return await attempt(cancellationToken);
            }
            catch (Exception e) when (retry < Options.MaxRetries && Neo4jErrors.IsWorthRetrying(e) && !cancellationToken.IsCancellationRequested)
            {
                // Exponential backoff with jitter: about 100 ms, 200 ms, 400 ms ...
                var delay = TimeSpan.FromMilliseconds(100 * Math.Pow(2, retry) * (0.8 + 0.4 * Random.Shared.NextDouble()));
                await _delay(delay, cancellationToken);
            }
        }
    }

    private async Task<QueryApiResponse> SendAsync(HttpMethod method, string path, string? body, string? affinity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(Options.Endpoint, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaType));
        request.Headers.Authorization = _auth;
        if (affinity is not null) request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, MediaType);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var affinityBack = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
            return QueryApiResponse.Parse((int)response.StatusCode, response.ReasonPhrase, text, affinityBack ?? affinity);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Neo4j at {Options.Location} did not answer {method} {path} within {Options.Timeout.TotalSeconds:0.#} s.");
        }
    }
}
