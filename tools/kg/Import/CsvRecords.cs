using nietras.SeparatedValues;

namespace KnowledgeGraph.Cli.Import;

/// <summary>
/// RFC 4180 CSV read with Sep: comma-separated, double-quoted fields with "" for a quote, line
/// breaks allowed inside quotes, blank lines skipped. Streams: one record in memory at a time.
/// </summary>
public static class CsvRecords
{
    /// <summary>The header's fields, then every record with the line it starts on. A quote left open throws <see cref="CsvFormatException"/>.</summary>
    public static IEnumerable<(int Line, string[] Fields)> Read(TextReader reader)
    {
        using var sep = Open(reader);
        if (sep.Header.IsEmpty) yield break;
        yield return (1, [.. sep.Header.ColNames]);
        foreach (var row in sep)
        {
            if (row.Span.Length == 0) continue;
            // Sep does not fail on a quote that is never closed: it reads to the end of the file. An odd count of quotes shows it.
            if (row.Span.Count('"') % 2 != 0) throw new CsvFormatException(row.LineNumberFrom, "a quoted field is not closed");
            var fields = new string[row.ColCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = row[i].ToString();
            yield return (row.LineNumberFrom, fields);
        }
    }

    private static SepReader Open(TextReader reader)
    {
        try
        {
            return Sep.New(',').Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true }).From(reader);
        }
        catch (ArgumentException exception)
        {
            // Sep refuses a header that names a column twice.
            throw new CsvFormatException(1, exception.Message);
        }
    }
}

/// <summary>A file that is not valid CSV from <see cref="Line"/> on.</summary>
public sealed class CsvFormatException(int line, string problem) : FormatException($"line {line}: {problem}")
{
    public int Line { get; } = line;
}
