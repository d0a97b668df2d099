namespace KnowledgeGraph.Cli.Import;

/// <summary>Reads the rows of one input file: <c>.csv</c> as CSV, anything else as JSON Lines; <c>-</c> is stdin.</summary>
public static class RowSource
{
    public static List<ImportRow> Read(string path, RowKind? forced, TextReader? stdin = null)
    {
        if (path != "-" && !File.Exists(path)) throw new UsageException($"no such file: {path}");
        using var reader = path == "-" ? null : new StreamReader(path);
        var input = reader ?? stdin ?? Console.In;
        return path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            ? ReadCsv(input, path, forced)
            : JsonLinesReader.Read(input, path, forced).ToList();
    }

    private static List<ImportRow> ReadCsv(TextReader reader, string file, RowKind? forced)
    {
        List<(int Line, List<string> Fields)> records;
        try
        {
            records = CsvParser.Read(reader).ToList();
        }
        catch (FormatException exception)
        {
            return [ImportRow.Unreadable(file, 1, forced, $"not valid CSV: {exception.Message}")];
        }
        if (records.Count == 0) return [];

        var mapper = new CsvRowMapper(records[0].Fields);
        var kind = forced ?? (mapper.LooksLikeRelationships ? RowKind.Relationship : RowKind.Entity);
        var rows = new List<ImportRow>(records.Count - 1);
        foreach (var (line, fields) in records.Skip(1))
        {
            try
            {
                rows.Add(kind == RowKind.Relationship
                    ? ImportRow.Of(file, line, mapper.ToRelationship(fields))
                    : ImportRow.Of(file, line, mapper.ToEntity(fields)));
            }
            catch (Exception exception) when (exception is FormatException or OverflowException)
            {
                rows.Add(ImportRow.Unreadable(file, line, kind, $"not a valid {(kind == RowKind.Relationship ? "relationship" : "entity")} row: {exception.Message}"));
            }
        }
        return rows;
    }
}
