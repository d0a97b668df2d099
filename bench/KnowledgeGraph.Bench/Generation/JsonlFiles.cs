using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Protocol;

namespace KnowledgeGraph.Bench.Generation;

/// <summary>Writes a generated graph as the JSON Lines files <c>kg import</c> loads (the format of data/seed).</summary>
public static class JsonlFiles
{
    public const string SourceDocument = "kg-bench-generator";

    /// <summary>
    /// Writes <c>entities.jsonl</c> and <c>relationships.jsonl</c>, each split into parts of at most
    /// <paramref name="rowsPerFile"/> rows (<c>entities-2.jsonl</c>, ...) so that one file fits one import call.
    /// </summary>
    public static (IReadOnlyList<string> Entities, IReadOnlyList<string> Relationships) Write(GeneratedGraph graph, string directory, int rowsPerFile = Limits.MaxImportRows)
    {
        Directory.CreateDirectory(directory);
        return (WriteParts(directory, "entities", graph.EntityCount, rowsPerFile, (json, i) => WriteEntity(json, graph, i)),
            WriteParts(directory, "relationships", graph.RelationshipCount, rowsPerFile, (json, j) => WriteRelationship(json, graph, j)));
    }

    private static List<string> WriteParts(string directory, string stem, int count, int rowsPerFile, Action<Utf8JsonWriter, int> write)
    {
        var parts = new List<string>();
        for (var first = 0; first < count || parts.Count == 0; first += rowsPerFile)
        {
            var path = Path.Combine(directory, parts.Count == 0 ? $"{stem}.jsonl" : $"{stem}-{parts.Count + 1}.jsonl");
            WriteLines(path, first, Math.Min(count, first + rowsPerFile), write);
            parts.Add(path);
        }
        return parts;
    }

    private static void WriteLines(string path, int from, int to, Action<Utf8JsonWriter, int> write)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var json = new Utf8JsonWriter(file);
        for (var i = from; i < to; i++)
        {
            write(json, i);
            json.Flush();
            json.Reset();
            file.WriteByte((byte)'\n');
        }
    }

    private static void WriteEntity(Utf8JsonWriter json, GeneratedGraph graph, int i)
    {
        var kind = GeneratedGraph.EntityKinds[graph.Kinds[i]];
        json.WriteStartObject();
        json.WriteString("name", graph.EntityName(i));
        json.WriteString("kind", kind);
        json.WriteString("displayName", $"{kind} {graph.Ids[i]}");
        WriteSource(json);
        json.WriteEndObject();
    }

    private static void WriteRelationship(Utf8JsonWriter json, GeneratedGraph graph, int j)
    {
        json.WriteStartObject();
        json.WriteString("name", GeneratedGraph.RelationshipName(j));
        json.WriteString("type", graph.TypeName(j));
        json.WriteString("source", graph.EntityName(graph.Sources[j]));
        json.WriteString("target", graph.EntityName(graph.Targets[j]));
        if (!double.IsNaN(graph.Shares[j]) || graph.Commodities[j] >= 0)
        {
            json.WriteStartObject("properties");
            if (!double.IsNaN(graph.Shares[j]))
            {
                json.WriteStartObject("share");
                json.WriteNumber("numberValue", graph.Shares[j]);
                json.WriteEndObject();
            }
            if (graph.Commodities[j] >= 0)
            {
                json.WriteStartObject("commodity");
                json.WriteString("stringValue", graph.EntityName(graph.Commodities[j]));
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        if (graph.ValidFrom[j] is { } from) json.WriteString("validFrom", Timestamp(from));
        if (graph.ValidTo[j] is { } to) json.WriteString("validTo", Timestamp(to));
        WriteSource(json);
        json.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter json)
    {
        json.WriteStartArray("sources");
        json.WriteStartObject();
        json.WriteString("document", SourceDocument);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
