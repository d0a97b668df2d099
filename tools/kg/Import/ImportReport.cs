using System.Text.Json;
using System.Text.Json.Serialization;
using KnowledgeGraph.Cli.Output;
using Spectre.Console;

namespace KnowledgeGraph.Cli.Import;

/// <summary>The end of <c>kg import</c>: counts per kind, each rejected row with its reason, and a verdict.</summary>
public static class ImportReport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Verdict(ImportOutcome outcome) =>
        outcome.TotalRead == 0 ? "Nothing to import: the files hold no rows."
        : outcome.TotalRejected > 0 ? $"{outcome.TotalRejected} of {outcome.TotalRead} row(s) rejected."
        : outcome.TotalChanged == 0 ? $"Nothing changed: all {outcome.TotalRead} rows were already in the graph."
        : $"Imported {outcome.TotalRead} rows: {outcome.All.Sum(k => k.Created)} created, {outcome.All.Sum(k => k.Updated)} updated, {outcome.All.Sum(k => k.Unchanged)} unchanged.";

    public static void WriteText(IAnsiConsole console, ImportOutcome outcome)
    {
        var counts = Cells.NewTable("Rows", "Read", "Created", "Updated", "Unchanged", "Rejected");
        foreach (var kind in outcome.All.Where(k => k.Read > 0 || k != outcome.Unreadable))
            counts.AddTextRow(kind.Kind, N(kind.Read), N(kind.Created), N(kind.Updated), N(kind.Unchanged), N(kind.Rejected));
        console.Write(counts);
        if (outcome.Rejected.Count > 0)
        {
            var rejected = Cells.NewTable("Row", "Name", "Reason", "Message");
            foreach (var row in outcome.Rejected)
                rejected.AddTextRow($"{row.File}:{row.Line}", row.Name, row.Reason, row.Message);
            console.Write(rejected);
        }
        if (Speed(outcome) is { } speed) console.Line(speed);
        console.Line(Verdict(outcome));
    }

    /// <summary>How fast each kind went, end to end (reading, sending, the service writing): "entities 52,000 rows/s in 1.9 s, …".</summary>
    public static string? Speed(ImportOutcome outcome)
    {
        var kinds = new[] { outcome.Entities, outcome.Relationships }.Where(k => k.Read > 0).ToList();
        return kinds.Count == 0 ? null : "Speed: " + string.Join(", ", kinds.Select(k =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{k.Kind} {k.RowsPerSecond:N0} rows/s in {k.Elapsed.TotalSeconds:0.0} s"))) + ".";
    }

    public static void WriteJson(TextWriter writer, ImportOutcome outcome) =>
        writer.WriteLine(JsonSerializer.Serialize(new
        {
            entities = Counts(outcome.Entities),
            relationships = Counts(outcome.Relationships),
            unreadable = outcome.Unreadable.Read > 0 ? Counts(outcome.Unreadable) : null,
            unchanged = outcome.TotalChanged == 0 && outcome.TotalRejected == 0,
            rejected = outcome.Rejected,
            message = Verdict(outcome),
            consistencyToken = outcome.ConsistencyToken,
        }, JsonOptions));

    private static object Counts(KindCounts kind) => new { kind.Read, kind.Created, kind.Updated, kind.Unchanged, kind.Rejected, seconds = Math.Round(kind.Elapsed.TotalSeconds, 3), rowsPerSecond = Math.Round(kind.RowsPerSecond) };

    private static string N(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
