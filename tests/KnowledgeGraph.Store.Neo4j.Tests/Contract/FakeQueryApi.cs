using System.Net;
using System.Text;
using System.Text.Json;

namespace KnowledgeGraph.Store.Neo4j.Tests.Contract;

/// <summary>A fake Neo4j Query API: records every request and answers from a queue of scripted responses.</summary>
internal sealed class FakeQueryApi : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _responses = new();

    public List<RecordedRequest> Requests { get; } = [];

    public sealed record RecordedRequest(HttpMethod Method, string Path, IReadOnlyDictionary<string, string> Headers, string? ContentType, string? Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body ?? "{}").RootElement;
    }

    public FakeQueryApi Respond(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        _responses.Enqueue(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/vnd.neo4j.query") };
            foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
            return response;
        });
        return this;
    }

    public FakeQueryApi Fail(Exception exception)
    {
        _responses.Enqueue(_ => throw exception);
        return this;
    }

    public static string Rows(string fields, params string[] rows) =>
        $$"""{"data":{"fields":{{fields}},"values":[{{string.Join(",", rows)}}]},"bookmarks":["FB:bookmark-1"]}""";

    public static string Error(string code, string message) =>
        JsonSerializer.Serialize(new { errors = new[] { new { code, message } } });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!.AbsolutePath, headers, request.Content?.Headers.ContentType?.MediaType, body));
        if (_responses.Count == 0) throw new InvalidOperationException($"No scripted response for {request.Method} {request.RequestUri}.");
        return _responses.Dequeue()(request);
    }
}
