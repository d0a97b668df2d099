using System.CommandLine;
using KnowledgeGraph.Cli.Import;
using Spectre.Console;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>
/// <c>kg import FILES…</c>: JSON Lines or CSV, entities before relationships, in batches over the
/// client-streaming import RPCs; ends with counts and every rejected row's reason (exit 3 if any).
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
            var rows = parse.GetRequiredValue(files).SelectMany(file => RowSource.Read(file, forced)).ToList();
            var outcome = await RunAsync(context, rows, cancellation);
            if (context.Json) ImportReport.WriteJson(context.Out, outcome);
            else ImportReport.WriteText(context.Console, outcome);
            return outcome.TotalRejected > 0 ? ExitCodes.InvalidInput : ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<ImportOutcome> RunAsync(CliContext context, List<ImportRow> rows, CancellationToken cancellation)
    {
        var outcome = new ImportOutcome();
        foreach (var row in rows) outcome.For(row.Kind).Read++;
        foreach (var row in rows.Where(r => r.Problem is not null))
        {
            outcome.For(row.Kind).Rejected++;
            outcome.Rejected.Add(new RejectedRow(row.File, row.Line, outcome.For(row.Kind).Kind, row.Name, "INVALID_ARGUMENT", "MALFORMED_ROW", row.Problem!));
        }
        var entities = rows.Where(r => r.Problem is null && r.Kind == RowKind.Entity).ToList();
        var relationships = rows.Where(r => r.Problem is null && r.Kind == RowKind.Relationship).ToList();
        var importer = new BatchImporter(context);

        async Task Import(Action<int> entitiesSent, Action<int> relationshipsSent)
        {
            string? token = null;
            if (entities.Count > 0)
                token = await importer.ImportEntitiesAsync(entities, outcome.Entities, outcome.Rejected, null, entitiesSent, cancellation);
            if (relationships.Count > 0)
                token = await importer.ImportRelationshipsAsync(relationships, outcome.Relationships, outcome.Rejected, token, relationshipsSent, cancellation) ?? token;
            outcome.ConsistencyToken = token;
        }

        if (context.Host.OutputIsTerminal && !context.Json && context.Console.Profile.Capabilities.Interactive)
        {
            await context.Console.Progress().StartAsync(async progress =>
            {
                var entityTask = progress.AddTask("entities", maxValue: Math.Max(1, entities.Count));
                var relationshipTask = progress.AddTask("relationships", maxValue: Math.Max(1, relationships.Count));
                await Import(n => entityTask.Increment(n), n => relationshipTask.Increment(n));
                entityTask.Value = entityTask.MaxValue;
                relationshipTask.Value = relationshipTask.MaxValue;
            });
        }
        else
        {
            await Import(_ => { }, _ => { });
        }

        var order = rows.Select((row, index) => (row.Location, index)).GroupBy(p => p.Location).ToDictionary(g => g.Key, g => g.First().index);
        var sorted = outcome.Rejected.OrderBy(r => order.GetValueOrDefault($"{r.File}:{r.Line}", int.MaxValue)).ToList();
        outcome.Rejected.Clear();
        outcome.Rejected.AddRange(sorted);
        return outcome;
    }
}
