using System.Text;

namespace KnowledgeGraph.Cli.Import;

/// <summary>RFC 4180 CSV: comma-separated, double-quoted fields with "" for a quote, line breaks allowed inside quotes.</summary>
public static class CsvParser
{
    /// <summary>Records with the line each starts on; blank lines are skipped.</summary>
    public static IEnumerable<(int Line, List<string> Fields)> Read(TextReader reader)
    {
        var line = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var recordLine = 1;
        var recordHasContent = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else inQuotes = false;
                }
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"':
                    inQuotes = true;
                    recordHasContent = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    recordHasContent = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (recordHasContent || fields.Any(f => f.Length > 0)) yield return (recordLine, fields);
                    fields = [];
                    recordHasContent = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(ch);
                    recordHasContent = true;
                    break;
            }
        }
        if (inQuotes) throw new FormatException($"line {recordLine}: a quoted field is not closed");
        fields.Add(field.ToString());
        if (recordHasContent || fields.Any(f => f.Length > 0)) yield return (recordLine, fields);
    }
}
