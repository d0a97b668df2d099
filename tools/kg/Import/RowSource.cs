namespace KnowledgeGraph.Cli.Import;

/// <summary>
/// Streams the rows of one kind from one input file: <c>.csv</c> as CSV, anything else as JSON
/// Lines. <c>kg import</c> reads each file once per kind, so entities go before relationships
/// whatever the order of files and rows, without holding a file in memory.
/// </summary>
public static class RowSource
{
    public static IEnumerable<ImportRow> Read(ImportInput input, RowKind? forced, RowKind wanted)
    {
        if (forced is not null && forced != wanted) yield break;
        using var reader = new StreamReader(input.Path);
        var rows = input.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            ? ReadCsv(reader, input.Name, forced, wanted)
            : JsonLinesReader.Read(reader, input.Name, forced, wanted);
        foreach (var row in rows) yield return row;
    }

    private static IEnumerable<ImportRow> ReadCsv(TextReader reader, string file, RowKind? forced, RowKind wanted)
    {
        using var records = CsvRecords.Read(reader).GetEnumerator();
        CsvRowMapper? mapper = null;
        RowKind kind = forced ?? RowKind.Entity;
        while (true)
        {
            var (more, broken) = Next(records);
            if (broken is not null)
            {
                // The file cannot be read past this point; the rows before it are imported.
                if (kind == wanted) yield return ImportRow.Unreadable(file, broken.Line, kind, $"not valid CSV: {broken.Message}");
                yield break;
            }
            if (!more) yield break;
            var (line, fields) = records.Current;
            if (mapper is null)
            {
                mapper = new CsvRowMapper(fields);
                kind = forced ?? (mapper.LooksLikeRelationships ? RowKind.Relationship : RowKind.Entity);
                if (kind != wanted) yield break;
                continue;
            }
            yield return Map(mapper, kind, file, line, fields);
        }
    }

    private static (bool More, CsvFormatException? Broken) Next(IEnumerator<(int Line, string[] Fields)> records)
    {
        try
        {
            return (records.MoveNext(), null);
        }
        catch (CsvFormatException exception)
        {
            return (false, exception);
        }
    }

    private static ImportRow Map(CsvRowMapper mapper, RowKind kind, string file, int line, string[] fields)
    {
        try
        {
            return kind == RowKind.Relationship
                ? ImportRow.Of(file, line, mapper.ToRelationship(fields))
                : ImportRow.Of(file, line, mapper.ToEntity(fields));
        }
        catch (Exception exception) when (exception is FormatException or OverflowException)
        {
            return ImportRow.Unreadable(file, line, kind, $"not a valid {(kind == RowKind.Relationship ? "relationship" : "entity")} row: {exception.Message}");
        }
    }
}
