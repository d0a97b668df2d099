using System.CommandLine;
using KnowledgeGraph.Cli.Output;
using KnowledgeGraph.V1;
using Spectre.Console;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg schema</c>: the ontology's entity kinds and relationship types with their dependency meaning.</summary>
public static class SchemaCommand
{
    public static Command Create(GlobalOptions options, KgHost host)
    {
        var command = new Command("schema", "Show the ontology: entity kinds, relationship types and what they mean for dependency");
        command.SetBody(options, host, async (_, context, cancellation) =>
        {
            var schema = await context.Clients.Queries.GetSchemaAsync(new GetSchemaRequest(), context.Read(cancellation));
            if (context.Json)
            {
                ProtoJson.Write(context.Out, schema);
                return ExitCodes.Ok;
            }
            context.Console.Line($"Ontology version {schema.Version}");
            var kinds = Cells.NewTable("Kind", "Properties", "External ids", "Description");
            foreach (var kind in schema.EntityKinds)
                kinds.AddTextRow(kind.Name, Properties(kind.Properties), string.Join(", ", kind.ExternalIdSchemes), kind.Description);
            context.Console.Write(kinds);
            var types = Cells.NewTable("Type", "From", "To", "Dependency", "Weight", "Properties");
            foreach (var type in schema.RelationshipTypes)
                types.AddTextRow(type.Name, string.Join(", ", type.SourceKinds), string.Join(", ", type.TargetKinds),
                    Dependency(type.Dependency.Direction), Weight(type), Properties(type.Properties));
            context.Console.Write(types);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Properties(IEnumerable<PropertyDefinition> definitions) =>
        string.Join(", ", definitions.Select(d => $"{d.Name}:{d.Type.ToString().ToUpperInvariant()}{(d.Required ? " (required)" : "")}"));

    private static string Dependency(DependencyDirection direction) => direction switch
    {
        DependencyDirection.SourceDependsOnTarget => "source depends on target",
        DependencyDirection.TargetDependsOnSource => "target depends on source",
        _ => "none",
    };

    private static string Weight(RelationshipType type) =>
        type.Dependency.Direction is DependencyDirection.NoDependency or DependencyDirection.Unspecified ? ""
        : string.IsNullOrEmpty(type.Dependency.WeightProperty) ? "1" : type.Dependency.WeightProperty;
}
