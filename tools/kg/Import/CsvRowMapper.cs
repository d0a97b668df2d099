using KnowledgeGraph.V1;

namespace KnowledgeGraph.Cli.Import;

/// <summary>
/// Maps a CSV record to an entity or relationship by its header. Columns (snake_case or camelCase):
/// <c>name</c> or <c>id</c>; entities: <c>kind</c>, <c>display_name</c>, <c>description</c>,
/// <c>aliases</c> (separated by <c>|</c>), <c>external_ids.SCHEME</c>; relationships: <c>type</c>,
/// <c>source</c>, <c>target</c>, <c>valid_from</c>, <c>valid_to</c>; both: <c>properties.KEY[:TYPE]</c>
/// and one source as <c>sources.document</c>, <c>sources.quote</c>, <c>sources.reported_by</c>,
/// <c>sources.confidence</c>. Empty cells are left unset.
/// </summary>
public sealed class CsvRowMapper(IReadOnlyList<string> header)
{
    private readonly string[] _columns = header.Select(Normalize).ToArray();
    private readonly string[] _raw = header.Select(h => h.Trim()).ToArray();

    public bool LooksLikeRelationships => _columns.Contains("source") && _columns.Contains("target");

    public Entity ToEntity(IReadOnlyList<string> fields)
    {
        var entity = new Entity();
        var source = new Source();
        Each(fields, (column, raw, cell) =>
        {
            switch (column)
            {
                case "name" or "id": entity.Name = Names.Entity(cell); break;
                case "kind": entity.Kind = cell; break;
                case "display_name": entity.DisplayName = cell; break;
                case "description": entity.Description = cell; break;
                case "aliases": entity.Aliases.AddRange(cell.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); break;
                default:
                    if (column.StartsWith("external_ids.", StringComparison.Ordinal)) entity.ExternalIds[raw[(raw.IndexOf('.') + 1)..]] = cell;
                    else if (!TryProperty(raw, cell, entity.Properties) && !TrySource(column, cell, source)) throw Unknown(raw);
                    break;
            }
        });
        if (source.Document.Length > 0 || source.Quote.Length > 0) entity.Sources.Add(source);
        return entity;
    }

    public Relationship ToRelationship(IReadOnlyList<string> fields)
    {
        var relationship = new Relationship();
        var source = new Source();
        Each(fields, (column, raw, cell) =>
        {
            switch (column)
            {
                case "name" or "id": relationship.Name = cell.Contains('/', StringComparison.Ordinal) ? cell : Names.RelationshipsPrefix + cell; break;
                case "type": relationship.Type = cell; break;
                case "source": relationship.Source = Names.Entity(cell); break;
                case "target": relationship.Target = Names.Entity(cell); break;
                case "valid_from": relationship.ValidFrom = CsvValues.Timestamp(cell); break;
                case "valid_to": relationship.ValidTo = CsvValues.Timestamp(cell); break;
                default:
                    if (!TryProperty(raw, cell, relationship.Properties) && !TrySource(column, cell, source)) throw Unknown(raw);
                    break;
            }
        });
        if (source.Document.Length > 0 || source.Quote.Length > 0) relationship.Sources.Add(source);
        return relationship;
    }

    private void Each(IReadOnlyList<string> fields, Action<string, string, string> apply)
    {
        if (fields.Count > _columns.Length)
            throw new FormatException($"the row has {fields.Count} fields but the header has {_columns.Length}");
        for (var i = 0; i < fields.Count; i++)
            if (fields[i].Length > 0) apply(_columns[i], _raw[i], fields[i]);
    }

    private static bool TryProperty(string raw, string cell, Google.Protobuf.Collections.MapField<string, PropertyValue> properties)
    {
        if (!raw.StartsWith("properties.", StringComparison.OrdinalIgnoreCase)) return false;
        var spec = raw["properties.".Length..];
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var key = colon < 0 ? spec : spec[..colon];
        var type = colon < 0 ? null : spec[(colon + 1)..];
        properties[key] = CsvValues.Parse(cell, type);
        return true;
    }

    private static bool TrySource(string column, string cell, Source source)
    {
        switch (column)
        {
            case "sources.document": source.Document = cell; return true;
            case "sources.quote": source.Quote = cell; return true;
            case "sources.reported_by": source.ReportedBy = cell; return true;
            case "sources.confidence": source.Confidence = CsvValues.ParseDouble(cell); return true;
            default: return false;
        }
    }

    private static FormatException Unknown(string column) => new($"unknown column '{column}'");

    /// <summary>Lower-case snake_case: <c>displayName</c> → <c>display_name</c>, <c>Valid From</c> → <c>valid_from</c>.</summary>
    private static string Normalize(string header)
    {
        var text = header.Trim();
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsUpper(ch) && i > 0 && char.IsLower(text[i - 1])) builder.Append('_');
            builder.Append(ch == ' ' || ch == '-' ? '_' : char.ToLowerInvariant(ch));
        }
        return builder.ToString();
    }
}
