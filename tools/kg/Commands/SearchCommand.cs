using System.CommandLine;
using System.Globalization;
using KnowledgeGraph.Cli.Output;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg search TEXT [--kind K]</c>: entities ranked by id, display name and alias matches.</summary>
public static class SearchCommand
{
    public static Command Create(GlobalOptions options, KgHost host)
    {
        var text = new Argument<string>("text") { Description = "What to look for (case and accents are ignored)" };
        var kind = new Option<string[]>("--kind") { Description = "Only entities of this kind (repeatable), e.g. Country", AllowMultipleArgumentsPerToken = true };
        var limit = new Option<int>("--limit") { Description = "At most this many results, 1..100 (server default 20)" };
        var command = new Command("search", "Find entities by name, alias or id") { text, kind, limit };
        command.SetBody(options, host, async (parse, context, cancellation) =>
        {
            var request = new SearchEntitiesRequest { Query = parse.GetRequiredValue(text), PageSize = parse.GetValue(limit) };
            request.Kinds.AddRange(parse.GetValue(kind) ?? []);
            var response = await context.Clients.Queries.SearchEntitiesAsync(request, context.Read(cancellation));
            if (context.Json)
            {
                ProtoJson.Write(context.Out, response);
                return ExitCodes.Ok;
            }
            var table = Cells.NewTable("Score", "Name", "Kind", "Display name", "Matched");
            foreach (var result in response.Results)
                table.AddTextRow(result.Score.ToString("0.###", CultureInfo.InvariantCulture), result.Entity.Name, result.Entity.Kind,
                    result.Entity.DisplayName, $"{result.MatchedField}: {result.MatchedText}");
            context.Console.Write(table);
            context.Console.Line($"{response.Results.Count} result(s).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
