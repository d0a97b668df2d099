using System.Text.Json;

namespace KnowledgeGraph.Store.Neo4j.Http;

/// <summary>
/// One Query API answer: <c>{"data": {"fields", "values"}, "queryPlan", "bookmarks", "transaction": {"id", "expires"}, "errors"}</c>.
/// Errors are read from the body whatever the HTTP status: Neo4j answers 202 and, when a statement
/// fails while its rows are written, appends <c>errors</c> after <c>data</c> (server:
/// <c>org.neo4j.server.queryapi.response.format.DriverResultSerializer.write</c>).
/// </summary>
internal sealed record QueryApiResponse(int Status, QueryResult Result, string? TransactionId, string? Affinity)
{
    public static QueryApiResponse Parse(int status, string? reason, string text, string? affinity)
    {
        using var document = TryParse(text);
        var root = document?.RootElement;
        if (root is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("errors", out var errors)
            && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var first = errors[0];
            var code = first.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "";
            var message = first.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
            throw new Neo4jServerException(status, code, message);
        }
        if (status is < 200 or >= 300)
            throw new Neo4jServerException(status, "", $"{reason} {Snippet(text)}".Trim());
        if (root is not { ValueKind: JsonValueKind.Object } ok)
        {
            if (string.IsNullOrWhiteSpace(text)) return new QueryApiResponse(status, QueryResult.Empty, null, affinity);
            throw new Neo4jServerException(status, "", $"The answer is not Query API JSON: {Snippet(text)}");
        }
        return new QueryApiResponse(status, ReadResult(ok), ReadTransactionId(ok), affinity);
    }

    private static JsonDocument? TryParse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static QueryResult ReadResult(JsonElement body)
    {
        var fields = new List<string>();
        var rows = new List<IReadOnlyList<object?>>();
        if (body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            if (data.TryGetProperty("fields", out var f)) fields.AddRange(f.EnumerateArray().Select(x => x.GetString()!));
            if (data.TryGetProperty("values", out var values))
                foreach (var row in values.EnumerateArray())
                    rows.Add(row.EnumerateArray().Select(TypedJsonReader.Read).ToList());
        }
        var bookmarks = body.TryGetProperty("bookmarks", out var b) && b.ValueKind == JsonValueKind.Array
            ? b.EnumerateArray().Select(x => x.GetString()!).ToList()
            : [];
        var plan = body.TryGetProperty("queryPlan", out var explained) ? QueryPlan.Read(explained)
            : body.TryGetProperty("profiledQueryPlan", out var profiled) ? QueryPlan.Read(profiled)
            : null;
        return new QueryResult(fields, rows, bookmarks, plan);
    }

    private static string? ReadTransactionId(JsonElement body) =>
        body.TryGetProperty("transaction", out var tx) && tx.TryGetProperty("id", out var id) ? id.GetString() : null;

    private static string Snippet(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
