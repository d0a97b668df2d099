using System.Text.Json;
using Google.Protobuf;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Cli.Import;

/// <summary>
/// Reads JSON Lines of proto3 JSON entities and relationships, one line at a time. A row with
/// <c>source</c> and <c>target</c> is a relationship unless the kind is forced.
/// </summary>
public static class JsonLinesReader
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    /// <summary>
    /// The rows of kind <paramref name="wanted"/>; a line whose kind cannot be told (not JSON) counts
    /// as an entity row, so it is reported once, in the entities' pass.
    /// </summary>
    public static IEnumerable<ImportRow> Read(TextReader reader, string file, RowKind? forced, RowKind wanted)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var (kind, problem) = forced is { } known ? (known, null) : Detect(line);
            if (problem is not null && wanted == RowKind.Entity) yield return ImportRow.Unreadable(file, lineNumber, null, $"not a valid JSON row: {problem}");
            else if (problem is null && kind == wanted) yield return Parse(line, file, lineNumber, wanted);
        }
    }

    private static ImportRow Parse(string line, string file, int lineNumber, RowKind kind)
    {
        try
        {
            return kind == RowKind.Relationship
                ? ImportRow.Of(file, lineNumber, Parser.Parse<Relationship>(line))
                : ImportRow.Of(file, lineNumber, Parser.Parse<Entity>(line));
        }
        catch (Exception exception) when (exception is JsonException or InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            return ImportRow.Unreadable(file, lineNumber, kind, $"not a valid {(kind == RowKind.Relationship ? "relationship" : "entity")} row: {exception.Message}");
        }
    }

    /// <summary>The row's kind, or why the line is not a JSON object.</summary>
    private static (RowKind Kind, string? Problem) Detect(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (RowKind.Entity, "a row must be a JSON object");
            return (root.TryGetProperty("source", out _) && root.TryGetProperty("target", out _) ? RowKind.Relationship : RowKind.Entity, null);
        }
        catch (JsonException exception)
        {
            return (RowKind.Entity, exception.Message);
        }
    }
}
