using System.Text.Json;
using Google.Protobuf;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Cli.Import;

/// <summary>
/// Reads JSON Lines of proto3 JSON entities and relationships. A row with <c>source</c> and
/// <c>target</c> is a relationship unless the kind is forced.
/// </summary>
public static class JsonLinesReader
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static IEnumerable<ImportRow> Read(TextReader reader, string file, RowKind? forced)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return ParseLine(line, file, lineNumber, forced);
        }
    }

    private static ImportRow ParseLine(string line, string file, int lineNumber, RowKind? forced)
    {
        RowKind? kind = forced;
        try
        {
            kind ??= Detect(line);
            return kind == RowKind.Relationship
                ? ImportRow.Of(file, lineNumber, Parser.Parse<Relationship>(line))
                : ImportRow.Of(file, lineNumber, Parser.Parse<Entity>(line));
        }
        catch (Exception exception) when (exception is JsonException or InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            return ImportRow.Unreadable(file, lineNumber, kind, $"not a valid {(kind == RowKind.Relationship ? "relationship" : kind == RowKind.Entity ? "entity" : "JSON")} row: {exception.Message}");
        }
    }

    private static RowKind Detect(string line)
    {
        using var document = JsonDocument.Parse(line);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new FormatException("a row must be a JSON object");
        var root = document.RootElement;
        return root.TryGetProperty("source", out _) && root.TryGetProperty("target", out _) ? RowKind.Relationship : RowKind.Entity;
    }
}
