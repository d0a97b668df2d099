using Spectre.Console;
using Spectre.Console.Rendering;

namespace KnowledgeGraph.Cli.Output;

/// <summary>Table helpers that treat every value as plain text (never as Spectre markup).</summary>
public static class Cells
{
    public static Table NewTable(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers) table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))));
        return table;
    }

    public static Table AddTextRow(this Table table, params string?[] values)
    {
        table.AddRow(values.Select(v => (IRenderable)new Text(v ?? "")).ToArray());
        return table;
    }

    /// <summary>A two-column field/value table for one resource.</summary>
    public static Table FieldTable() => NewTable("Field", "Value");

    public static void Line(this IAnsiConsole console, string text) => console.Write(new Text(text + Environment.NewLine));
}
