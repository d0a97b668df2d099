using System.CommandLine;
using KnowledgeGraph.Cli.Output;
using KnowledgeGraph.V1;
using Spectre.Console;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg list entities|relationships</c>: one page, or every page with <c>--all</c>.</summary>
public static class ListCommand
{
    public static Command Create(GlobalOptions options, KgHost host)
    {
        var collection = new Argument<string>("collection") { Description = "entities or relationships" };
        collection.AcceptOnlyFromAmong("entities", "relationships");
        var filter = new Option<string?>("--filter")
        {
            Description = "AIP-160 filter, e.g. kind = \"Country\"; for relationships: type, source, target, entity, direction",
        };
        var pageSize = new Option<int>("--page-size") { Description = "Rows per page, 1..1000 (server default 100)" };
        var pageToken = new Option<string?>("--page-token") { Description = "Continue from a previous page" };
        var all = new Option<bool>("--all") { Description = "Fetch every page" };
        var command = new Command("list", "List entities or relationships") { collection, filter, pageSize, pageToken, all };
        command.SetBody(options, host, async (parse, context, cancellation) =>
        {
            var request = new Page(parse.GetValue(filter) ?? "", parse.GetValue(pageSize), parse.GetValue(pageToken) ?? "", parse.GetValue(all));
            return parse.GetRequiredValue(collection) == "entities"
                ? await ListEntitiesAsync(context, request, cancellation)
                : await ListRelationshipsAsync(context, request, cancellation);
        });
        return command;
    }

    private sealed record Page(string Filter, int Size, string Token, bool All);

    private static async Task<int> ListEntitiesAsync(CliContext context, Page page, CancellationToken cancellation)
    {
        var result = new ListEntitiesResponse();
        var token = page.Token;
        do
        {
            var response = await context.Clients.Entities.ListEntitiesAsync(
                new ListEntitiesRequest { Filter = page.Filter, PageSize = page.Size, PageToken = token }, context.Read(cancellation));
            result.Entities.AddRange(response.Entities);
            token = response.NextPageToken;
        } while (page.All && token.Length > 0);
        result.NextPageToken = token;

        if (context.Json)
        {
            ProtoJson.Write(context.Out, result);
            return ExitCodes.Ok;
        }
        var table = Cells.NewTable("Name", "Kind", "Display name", "Aliases");
        foreach (var entity in result.Entities)
            table.AddTextRow(entity.Name, entity.Kind, entity.DisplayName, string.Join(", ", entity.Aliases));
        context.Console.Write(table);
        WriteFooter(context.Console, result.Entities.Count, "entities", token);
        return ExitCodes.Ok;
    }

    private static async Task<int> ListRelationshipsAsync(CliContext context, Page page, CancellationToken cancellation)
    {
        var result = new ListRelationshipsResponse();
        var token = page.Token;
        do
        {
            var response = await context.Clients.Relationships.ListRelationshipsAsync(
                new ListRelationshipsRequest { Filter = page.Filter, PageSize = page.Size, PageToken = token }, context.Read(cancellation));
            result.Relationships.AddRange(response.Relationships);
            token = response.NextPageToken;
        } while (page.All && token.Length > 0);
        result.NextPageToken = token;

        if (context.Json)
        {
            ProtoJson.Write(context.Out, result);
            return ExitCodes.Ok;
        }
        var table = Cells.NewTable("Name", "Type", "Source", "Target", "Properties", "Valid");
        foreach (var r in result.Relationships)
            table.AddTextRow(r.Name, r.Type, r.Source, r.Target, Values.Properties(r.Properties), Values.Validity(r.ValidFrom, r.ValidTo));
        context.Console.Write(table);
        WriteFooter(context.Console, result.Relationships.Count, "relationships", token);
        return ExitCodes.Ok;
    }

    private static void WriteFooter(IAnsiConsole console, int count, string what, string nextToken) =>
        console.Line(nextToken.Length == 0
            ? $"{count} {what}."
            : $"{count} {what} on this page; more with --page-token {nextToken} (or --all).");
}
