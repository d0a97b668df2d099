using System.Globalization;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Cli.Export;

/// <summary>
/// A Cypher script that builds the graph in Neo4j (paste it into Neo4j Browser, or run it with
/// cypher-shell). Every node is <c>:Entity</c> plus its kind as a label, keyed by <c>name</c>; every
/// relationship has its type, keyed by <c>name</c>. Statements use MERGE and replace all
/// properties, so running the script again leaves the same graph.
/// </summary>
public static class CypherWriter
{
    public static void Write(TextWriter writer, IReadOnlyList<Entity> entities, IReadOnlyList<Relationship> relationships)
    {
        writer.WriteLine("// Knowledge Graph export: run in Neo4j Browser or with cypher-shell. Re-runnable (MERGE).");
        writer.WriteLine($"// {entities.Count} entities, {relationships.Count} relationships.");
        writer.WriteLine("CREATE CONSTRAINT entity_name IF NOT EXISTS FOR (e:Entity) REQUIRE e.name IS UNIQUE;");
        foreach (var entity in entities) writer.WriteLine(Entity(entity));
        foreach (var relationship in relationships) writer.WriteLine(Relationship(relationship));
    }

    public static string Entity(Entity entity)
    {
        var map = new List<(string Key, string Value)>
        {
            ("name", Literal(entity.Name)),
            ("kind", Literal(entity.Kind)),
            ("displayName", Literal(entity.DisplayName)),
        };
        if (entity.Description.Length > 0) map.Add(("description", Literal(entity.Description)));
        if (entity.Aliases.Count > 0) map.Add(("aliases", List(entity.Aliases)));
        foreach (var (scheme, id) in entity.ExternalIds.OrderBy(e => e.Key, StringComparer.Ordinal))
            map.Add(($"externalId_{scheme}", Literal(id)));
        AddProperties(map, entity.Properties);
        AddSources(map, entity.Sources);
        return $"MERGE (e:Entity {{name: {Literal(entity.Name)}}}) SET e = {Map(map)} SET e:{Identifier(entity.Kind)};";
    }

    public static string Relationship(Relationship relationship)
    {
        var map = new List<(string Key, string Value)> { ("name", Literal(relationship.Name)) };
        AddProperties(map, relationship.Properties);
        if (relationship.ValidFrom is not null) map.Add(("validFrom", DateTime(relationship.ValidFrom)));
        if (relationship.ValidTo is not null) map.Add(("validTo", DateTime(relationship.ValidTo)));
        AddSources(map, relationship.Sources);
        return $"MATCH (s:Entity {{name: {Literal(relationship.Source)}}}) MATCH (t:Entity {{name: {Literal(relationship.Target)}}}) " +
               $"MERGE (s)-[r:{Identifier(relationship.Type)} {{name: {Literal(relationship.Name)}}}]->(t) SET r = {Map(map)};";
    }

    private static void AddProperties(List<(string Key, string Value)> map, IEnumerable<KeyValuePair<string, PropertyValue>> properties)
    {
        foreach (var (key, value) in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            map.Add((key, Value(value)));
    }

    /// <summary>Sources as parallel lists (Neo4j properties cannot hold maps); empty strings where a field is unset.</summary>
    private static void AddSources(List<(string Key, string Value)> map, IReadOnlyCollection<Source> sources)
    {
        if (sources.Count == 0) return;
        map.Add(("sourceDocuments", List(sources.Select(s => s.Document))));
        map.Add(("sourceQuotes", List(sources.Select(s => s.Quote))));
        map.Add(("sourceReportedBy", List(sources.Select(s => s.ReportedBy))));
        if (sources.Any(s => s.HasConfidence))
            map.Add(("sourceConfidences", "[" + string.Join(", ", sources.Select(s => s.HasConfidence ? Number(s.Confidence) : "null")) + "]"));
    }

    private static string Value(PropertyValue value) => value.ValueCase switch
    {
        PropertyValue.ValueOneofCase.StringValue => Literal(value.StringValue),
        PropertyValue.ValueOneofCase.NumberValue => Number(value.NumberValue),
        PropertyValue.ValueOneofCase.IntegerValue => value.IntegerValue.ToString(CultureInfo.InvariantCulture),
        PropertyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        PropertyValue.ValueOneofCase.TimestampValue => DateTime(value.TimestampValue),
        _ => "null",
    };

    private static string Number(double number)
    {
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') || text.Contains('e') ? text : text + ".0";
    }

    private static string DateTime(Timestamp timestamp) =>
        $"datetime({Literal(timestamp.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture))})";

    private static string Map(IEnumerable<(string Key, string Value)> entries) =>
        "{" + string.Join(", ", entries.Select(e => $"{Identifier(e.Key)}: {e.Value}")) + "}";

    private static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Literal)) + "]";

    /// <summary>A single-quoted Cypher string literal.</summary>
    public static string Literal(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('\'');
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '\\': builder.Append("\\\\"); break;
                case '\'': builder.Append("\\'"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(ch)) builder.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
                    else builder.Append(ch);
                    break;
            }
        }
        return builder.Append('\'').ToString();
    }

    /// <summary>A label, type or key: bare when it is a plain identifier, otherwise back-quoted.</summary>
    public static string Identifier(string name)
    {
        var plain = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return plain ? name : "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
    }
}
