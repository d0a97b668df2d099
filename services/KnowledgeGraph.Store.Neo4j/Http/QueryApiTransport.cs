using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Store.Neo4j.Cypher;

namespace KnowledgeGraph.Store.Neo4j.Http;

/// <summary>
/// Neo4j's HTTP Query API v2, and nothing else: auto-commit queries at <c>POST /db/{db}/query/v2</c>,
/// explicit transactions at <c>/db/{db}/query/v2/tx[/{id}[/commit]]</c>, typed JSON both ways, basic or
/// bearer auth, a timeout per request, errors read from the body whatever the HTTP status, and
/// retries with backoff for Neo.TransientError.* only. A Bolt driver could replace this class.
/// </summary>
public sealed class QueryApiTransport
{
    public const string MediaType = "application/vnd.neo4j.query";
    public const string AffinityHeader = "neo4j-cluster-affinity";

    private readonly HttpClient _http;
    private readonly Neo4jStoreOptions _options;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly AuthenticationHeaderValue? _auth;

    public QueryApiTransport(HttpClient http, Neo4jStoreOptions options, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _http = http;
        _options = options;
        _delay = delay ?? Task.Delay;
        _auth = options.Token is { } token
            ? new AuthenticationHeaderValue("Bearer", token)
            : options.Username is { } user
                ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{options.Password}")))
                : null;
    }

    public Neo4jStoreOptions Options => _options;

    /// <summary>The path of the auto-commit endpoint, for messages.</summary>
    public string QueryPath => $"/db/{Uri.EscapeDataString(_options.Database)}/query/v2";

    /// <summary>Runs one statement in its own transaction; retried when Neo4j reports a transient error.</summary>
    public Task<QueryResult> RunAsync(BoundStatement statement, IReadOnlyList<string> bookmarks, bool readOnly, CancellationToken cancellationToken) =>
        WithRetriesAsync(async ct =>
        {
            var response = await SendAsync(HttpMethod.Post, QueryPath, Body(statement, bookmarks, readOnly), affinity: null, ct);
            return response.Result;
        }, cancellationToken);

    /// <summary>Opens an explicit transaction. Bookmarks make it wait until the server has those writes.</summary>
    public async Task<QueryApiTransaction> BeginAsync(IReadOnlyList<string> bookmarks, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Post, QueryPath + "/tx", Body(null, bookmarks, readOnly: false), affinity: null, cancellationToken);
        var id = response.TransactionId ?? throw new Neo4jServerException(response.Status, "", "The server opened no transaction: its answer has no transaction id.");
        return new QueryApiTransaction(this, id, response.Affinity);
    }

    /// <summary>Runs <paramref name="work"/> in an explicit transaction and commits; the whole unit is retried on a transient error.</summary>
    public Task<(T Value, IReadOnlyList<string> Bookmarks)> InTransactionAsync<T>(IReadOnlyList<string> bookmarks, Func<QueryApiTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        WithRetriesAsync(async ct =>
        {
            await using var tx = await BeginAsync(bookmarks, ct);
            var value = await work(tx);
            var committed = await tx.CommitAsync(ct);
            return (value, committed);
        }, cancellationToken);

    internal async Task<QueryResult> RunInAsync(QueryApiTransaction tx, BoundStatement statement, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, $"{QueryPath}/tx/{Uri.EscapeDataString(tx.Id)}", Body(statement, [], readOnly: false), tx.Affinity, cancellationToken)).Result;

    internal async Task<IReadOnlyList<string>> CommitAsync(QueryApiTransaction tx, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, $"{QueryPath}/tx/{Uri.EscapeDataString(tx.Id)}/commit", "{}", tx.Affinity, cancellationToken)).Result.Bookmarks;

    internal async Task RollbackAsync(QueryApiTransaction tx, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Delete, $"{QueryPath}/tx/{Uri.EscapeDataString(tx.Id)}", null, tx.Affinity, cancellationToken);

    private async Task<T> WithRetriesAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            try
            {
                return await attempt(cancellationToken);
            }
            catch (Neo4jServerException e) when (e.IsTransient && retry < _options.MaxRetries)
            {
                // Exponential backoff with jitter: about 100 ms, 200 ms, 400 ms ...
                var delay = TimeSpan.FromMilliseconds(100 * Math.Pow(2, retry) * (0.8 + 0.4 * Random.Shared.NextDouble()));
                await _delay(delay, cancellationToken);
            }
        }
    }

    private string Body(BoundStatement? statement, IReadOnlyList<string> bookmarks, bool readOnly)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (statement is not null)
            {
                writer.WriteString("statement", statement.Statement.Text);
                writer.WriteStartObject("parameters");
                foreach (var (name, value) in statement.Parameters)
                {
                    writer.WritePropertyName(name);
                    TypedJsonWriter.Write(writer, value);
                }
                writer.WriteEndObject();
            }
            if (bookmarks.Count > 0)
            {
                writer.WriteStartArray("bookmarks");
                foreach (var bookmark in bookmarks) writer.WriteStringValue(bookmark);
                writer.WriteEndArray();
            }
            if (readOnly) writer.WriteString("accessMode", "READ");
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private async Task<QueryApiResponse> SendAsync(HttpMethod method, string path, string? body, string? affinity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_options.Endpoint, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaType));
        request.Headers.Authorization = _auth;
        if (affinity is not null) request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, MediaType);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        HttpResponseMessage response;
        string text;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            text = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Neo4j at {_options.Location} did not answer within {_options.Timeout.TotalSeconds:0.#} s.");
        }
        using (response)
        {
            var affinityBack = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
            return QueryApiResponse.Parse((int)response.StatusCode, response.ReasonPhrase, text, affinityBack ?? affinity);
        }
    }
}
