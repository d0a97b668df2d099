using System.Globalization;
using System.Text.Json;

namespace KnowledgeGraph.Store.Neo4j.Http;

/// <summary>
/// Reads Neo4j's typed JSON (<c>application/vnd.neo4j.query</c>): every value is
/// <c>{"$type": ..., "_value": ...}</c>. Integers and floats travel as strings, so no precision is lost.
/// CLR types: Null → null, Boolean → bool, Integer → long, Float → double, String → string,
/// Base64 → byte[], Date → DateOnly, OffsetDateTime/ZonedDateTime → DateTimeOffset,
/// LocalDateTime → DateTime, List → IReadOnlyList&lt;object?&gt;, Map → IReadOnlyDictionary&lt;string, object?&gt;,
/// Node/Relationship/Path → <see cref="Neo4jNode"/>/<see cref="Neo4jRelationship"/>/<see cref="Neo4jPath"/>.
/// </summary>
public static class TypedJsonReader
{
    public static object? Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("$type", out var typeElement))
            throw new FormatException($"Expected a typed JSON value ({{\"$type\": ..., \"_value\": ...}}), got {element.ValueKind}.");
        var type = typeElement.GetString();
        element.TryGetProperty("_value", out var value);
        return type switch
        {
            "Null" => null,
            "Boolean" => value.GetBoolean(),
            "Integer" => long.Parse(Text(value), NumberStyles.Integer, CultureInfo.InvariantCulture),
            "Float" => ParseFloat(Text(value)),
            "String" => value.GetString(),
            "Base64" => Convert.FromBase64String(Text(value)),
            "Date" => DateOnly.ParseExact(Text(value), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            "OffsetDateTime" or "ZonedDateTime" => ParseDateTime(Text(value)),
            "LocalDateTime" => DateTime.Parse(TrimFraction(Text(value)), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            "Time" or "LocalTime" or "Duration" or "Point" => new CypherText(type, Text(value)),
            "List" => value.EnumerateArray().Select(Read).ToList(),
            "Map" => ReadMap(value),
            "Node" => ReadNode(value),
            "Relationship" => ReadRelationship(value),
            "Path" => ReadPath(value),
            _ => throw new FormatException($"Unknown typed JSON type '{type}'."),
        };
    }

    public static IReadOnlyDictionary<string, object?> ReadMap(JsonElement map)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (map.ValueKind == JsonValueKind.Object)
            foreach (var property in map.EnumerateObject()) result[property.Name] = Read(property.Value);
        return result;
    }

    private static Neo4jNode ReadNode(JsonElement value) => new(
        value.GetProperty("_element_id").GetString()!,
        value.TryGetProperty("_labels", out var labels) ? labels.EnumerateArray().Select(l => l.GetString()!).ToList() : [],
        value.TryGetProperty("_properties", out var properties) ? ReadMap(properties) : new Dictionary<string, object?>());

    private static Neo4jRelationship ReadRelationship(JsonElement value) => new(
        value.GetProperty("_element_id").GetString()!,
        value.GetProperty("_start_node_element_id").GetString()!,
        value.GetProperty("_end_node_element_id").GetString()!,
        value.GetProperty("_type").GetString()!,
        value.TryGetProperty("_properties", out var properties) ? ReadMap(properties) : new Dictionary<string, object?>());

    private static Neo4jPath ReadPath(JsonElement value)
    {
        var nodes = new List<Neo4jNode>();
        var relationships = new List<Neo4jRelationship>();
        foreach (var item in value.EnumerateArray())
        {
            switch (Read(item))
            {
                case Neo4jNode node: nodes.Add(node); break;
                case Neo4jRelationship relationship: relationships.Add(relationship); break;
                default: throw new FormatException("A Path holds only nodes and relationships.");
            }
        }
        if (nodes.Count != relationships.Count + 1)
            throw new FormatException($"A Path alternates nodes and relationships; got {nodes.Count} nodes and {relationships.Count} relationships.");
        return new Neo4jPath(nodes, relationships);
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? value.GetString()!
        : value.GetRawText();

    private static double ParseFloat(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>ISO-8601 with an offset, optionally followed by a zone id in brackets (ZonedDateTime).</summary>
    internal static DateTimeOffset ParseDateTime(string text)
    {
        var bracket = text.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0) text = text[..bracket];
        return DateTimeOffset.Parse(TrimFraction(text), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    /// <summary>Neo4j writes up to nine fractional digits; .NET parses up to seven.</summary>
    private static string TrimFraction(string text)
    {
        var t = text.IndexOf('T', StringComparison.Ordinal);
        var dot = text.IndexOf('.', t < 0 ? 0 : t);
        if (dot < 0) return text;
        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
        var digits = end - dot - 1;
        return digits <= 7 ? text : text[..(dot + 8)] + text[end..];
    }
}
