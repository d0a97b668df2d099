using System.Text;
using System.Text.Json;
using KnowledgeGraph.Store.Neo4j.Cypher;

namespace KnowledgeGraph.Store.Neo4j.Http;

/// <summary>
/// The body of a Query API request (neo4j/docs-query-api, query.adoc, transactions.adoc,
/// transaction-configuration.adoc; server: <c>org.neo4j.server.queryapi.request.QueryRequest</c>):
/// <c>statement</c>, typed <c>parameters</c>, <c>accessMode</c>, <c>maxExecutionTime</c> (whole seconds;
/// the server applies it to the transaction it begins) and <c>bookmarks</c>. Fields are written in the
/// order of the server's record: servers before 2026.08 read them in order.
/// </summary>
internal static class QueryApiRequest
{
    /// <summary>A body that begins a transaction or runs an auto-commit statement.</summary>
    public static string Begin(BoundStatement? statement, IReadOnlyCollection<string> bookmarks, bool readOnly, int maxExecutionTimeSeconds) =>
        Write(writer =>
        {
            WriteStatement(writer, statement);
            if (readOnly) writer.WriteString("accessMode", "Read");
            writer.WriteNumber("maxExecutionTime", maxExecutionTimeSeconds);
            if (bookmarks.Count > 0)
            {
                writer.WriteStartArray("bookmarks");
                foreach (var bookmark in bookmarks) writer.WriteStringValue(bookmark);
                writer.WriteEndArray();
            }
        });

    /// <summary>A body for a statement inside an open transaction (its settings were fixed when it began).</summary>
    public static string InTransaction(BoundStatement statement) => Write(writer => WriteStatement(writer, statement));

    /// <summary>The body of a commit: no final statement.</summary>
    public const string Commit = "{}";

    private static void WriteStatement(Utf8JsonWriter writer, BoundStatement? statement)
    {
        if (statement is null) return;
        writer.WriteString("statement", statement.Statement.Text);
        writer.WriteStartObject("parameters");
        foreach (var (name, value) in statement.Parameters)
        {
            writer.WritePropertyName(name);
            TypedJsonWriter.Write(writer, value);
        }
        writer.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
