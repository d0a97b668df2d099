using System.CommandLine;
using System.Diagnostics;
using KnowledgeGraph.Cli.Import;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>
/// <c>kg import FILES…</c>: JSON Lines or CSV, streamed, entities before relationships, in batches
/// over the client-streaming import RPCs; ends with counts, rows/s and every rejected row's reason (exit 3 if any).
/// </summary>
public static class ImportCommand
{
    public static Command Create(GlobalOptions options, KgHost host)
    {
        var files = new Argument<string[]>("files") { Description = "JSON Lines (.jsonl) or CSV (.csv) files; - reads JSON Lines from stdin", Arity = ArgumentArity.OneOrMore };
        var kind = new Option<string?>("--kind") { Description = "Treat every row as entities or relationships instead of detecting it (a row with source and target is a relationship)" };
        kind.AcceptOnlyFromAmong("entities", "relationships");
        var command = new Command("import", "Import (upsert) entities and relationships from files") { files, kind };
        command.SetBody(options, host, async (parse, context, cancellation) =>
        {
            RowKind? forced = parse.GetValue(kind) switch { "entities" => RowKind.Entity, "relationships" => RowKind.Relationship, _ => null };
            var inputs = new List<ImportInput>();
            try
            {
                foreach (var file in parse.GetRequiredValue(files)) inputs.Add(ImportInput.Open(file, Console.In));
                var outcome = await RunAsync(context, inputs, forced, cancellation);
                if (context.Json) ImportReport.WriteJson(context.Out, outcome);
                else ImportReport.WriteText(context.Console, outcome);
                return outcome.TotalRejected > 0 ? ExitCodes.InvalidInput : ExitCodes.Ok;
            }
            finally
            {
                foreach (var input in inputs) input.Dispose();
            }
        });
        return command;
    }

    private static async Task<ImportOutcome> RunAsync(CliContext context, List<ImportInput> inputs, RowKind? forced, CancellationToken cancellation)
    {
        var outcome = new ImportOutcome();
        var importer = new BatchImporter(context);
        await ImportProgress.RunAsync(context, async progress =>
        {
            // Every input is read once per kind: entities first, so relationships find their endpoints.
            string? token = null;
            foreach (var (rowKind, counts) in new[] { (RowKind.Entity, outcome.Entities), (RowKind.Relationship, outcome.Relationships) })
            {
                var clock = Stopwatch.StartNew();
                var rows = inputs.SelectMany(input => RowSource.Read(input, forced, rowKind));
                token = await importer.ImportAsync(rows, counts, outcome, token, progress(counts.Kind), cancellation);
                counts.Elapsed = clock.Elapsed;
            }
            outcome.ConsistencyToken = token;
        });

        var order = inputs.Select((input, index) => (input.Name, index)).DistinctBy(p => p.Name).ToDictionary(p => p.Name, p => p.index);
        var sorted = outcome.Rejected.OrderBy(r => order.GetValueOrDefault(r.File, int.MaxValue)).ThenBy(r => r.Line).ToList();
        outcome.Rejected.Clear();
        outcome.Rejected.AddRange(sorted);
        return outcome;
    }
}
