using System.Net;
using System.Text;
using System.Text.Json;

namespace KnowledgeGraph.Store.Neo4j.Tests.Contract;

/// <summary>A fake Neo4j Query API: records every request and answers from a queue of scripted responses.</summary>
internal sealed class FakeQueryApi : HttpMessageHandler
{
    private readonly Queue<Func<CancellationToken, Task<HttpResponseMessage>>> _responses = new();

    public List<RecordedRequest> Requests { get; } = [];

    public sealed record RecordedRequest(HttpMethod Method, string Path, IReadOnlyDictionary<string, string> Headers, string? ContentType, string? Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body ?? "{}").RootElement;

        public string? Statement => Body is null ? null : Json.TryGetProperty("statement", out var s) ? s.GetString() : null;
    }

    public FakeQueryApi Respond(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        _responses.Enqueue(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/vnd.neo4j.query") };
            foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
            return Task.FromResult(response);
        });
        return this;
    }

    /// <summary>Answers 202 with <paramref name="body"/>, as the Query API answers every request but an authentication failure.</summary>
    public FakeQueryApi Accept(string body, params (string Name, string Value)[] headers) => Respond(HttpStatusCode.Accepted, body, headers);

    public FakeQueryApi Fail(Exception exception)
    {
        _responses.Enqueue(_ => throw exception);
        return this;
    }

    /// <summary>Never answers: the request ends when the caller's timeout cancels it.</summary>
    public FakeQueryApi Hang()
    {
        _responses.Enqueue(async ct =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    /// <summary>A result in the documented Typed JSON shape (typed-json.adoc): fields, rows of typed values, bookmarks.</summary>
    public static string Rows(string[] fields, params object?[][] rows) =>
        JsonSerializer.Serialize(new
        {
            data = new { fields, values = rows.Select(r => r.Select(Typed).ToArray()).ToArray() },
            bookmarks = new[] { "FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ" },
        });

    /// <summary>An empty result (a write statement that returns nothing).</summary>
    public static string NoRows => Rows([]);

    public static string Error(string code, string message) =>
        JsonSerializer.Serialize(new { errors = new[] { new { code, message } } });

    private static object Typed(object? value) => value switch
    {
        null => new Dictionary<string, object?> { ["$type"] = "Null", ["_value"] = null },
        string s => new Dictionary<string, object?> { ["$type"] = "String", ["_value"] = s },
        long or int => new Dictionary<string, object?> { ["$type"] = "Integer", ["_value"] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) },
        byte[] b => new Dictionary<string, object?> { ["$type"] = "Base64", ["_value"] = Convert.ToBase64String(b) },
        _ => throw new ArgumentException($"No typed form for {value.GetType().Name} in the fake."),
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!.AbsolutePath, headers, request.Content?.Headers.ContentType?.MediaType, body));
        if (_responses.Count == 0) throw new InvalidOperationException($"No scripted response for {request.Method} {request.RequestUri}.");
        return await _responses.Dequeue()(cancellationToken);
    }
}
