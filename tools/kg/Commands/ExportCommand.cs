using System.CommandLine;
using KnowledgeGraph.Cli.Export;
using KnowledgeGraph.Cli.Output;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg export --format jsonl|cypher [--output PATH]</c>: the whole graph, re-importable or for Neo4j.</summary>
public static class ExportCommand
{
    public static Command Create(GlobalOptions options, KgHost host)
    {
        var format = new Option<string>("--format")
        {
            Description = "jsonl: entities then relationships, one per line, re-importable with `kg import`; cypher: a MERGE script for Neo4j Browser",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl", "cypher");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout" };
        var command = new Command("export", "Export the whole graph as JSON Lines or as a Cypher script") { format, output };
        command.SetBody(options, host, async (parse, context, cancellation) =>
        {
            var reader = new GraphReader(context);
            var entities = await reader.EntitiesAsync(cancellation);
            var relationships = await reader.RelationshipsAsync(cancellation);
            var path = parse.GetValue(output);
            await using var file = path is null ? null : OpenForWriting(path);
            var writer = file ?? context.Out;
            if (parse.GetValue(format) == "cypher")
            {
                CypherWriter.Write(writer, entities, relationships);
            }
            else
            {
                foreach (var entity in entities) writer.WriteLine(ProtoJson.Compact.Format(entity));
                foreach (var relationship in relationships) writer.WriteLine(ProtoJson.Compact.Format(relationship));
            }
            await writer.FlushAsync(cancellation);
            if (path is not null) context.Error.WriteLine($"Exported {entities.Count} entities and {relationships.Count} relationships to {path}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static StreamWriter OpenForWriting(string path)
    {
        try
        {
            return new StreamWriter(path, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--output: cannot write {path}: {exception.Message}");
        }
    }
}
