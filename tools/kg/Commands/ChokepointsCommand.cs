using System.CommandLine;
using KnowledgeGraph.Cli.Output;
using KnowledgeGraph.V1;
using Spectre.Console;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg chokepoints ENTITY --upstream|--downstream</c>: the entities whose failure would cost the entity most.</summary>
public static class ChokepointsCommand
{
    public static Command Create(GlobalOptions options, KgHost host)
    {
        var question = new DependencyOptions(
            "Entity whose dependencies (or dependents) are examined",
            "Rank what the entity depends on by the exposure it would lose",
            "Rank by the dependents the entity would no longer reach");
        var maxResults = new Option<int>("--max-results") { Description = "At most this many entities, 1..100 (server default 10)" };
        var command = new Command("chokepoints", "Rank the entities whose removal would cut an entity's exposure or reach most") { maxResults };
        question.AddTo(command);
        command.SetBody(options, host, async (parse, context, cancellation) =>
        {
            var request = new FindChokepointsRequest
            {
                Root = question.Root(parse),
                Direction = question.Direction(parse),
                Commodity = question.Commodity(parse),
                MaxDepth = question.MaxDepth(parse),
                MaxResults = parse.GetValue(maxResults),
                AsOf = question.AsOf(parse),
            };
            var response = await context.Clients.Queries.FindChokepointsAsync(request, context.Read(cancellation));
            if (context.Json)
            {
                ProtoJson.Write(context.Out, response);
                return ExitCodes.Ok;
            }
            Render(context.Console, request, response);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, FindChokepointsRequest request, FindChokepointsResponse response)
    {
        var commodity = request.Commodity.Length == 0 ? "" : $" for {Names.Id(request.Commodity)}";
        var total = ExposureViews.Exposure(response.TotalExposureLower, response.TotalExposureUpper, response.TotalExposureLower == response.TotalExposureUpper);
        var what = request.Direction == TraceDirection.Upstream ? "dependencies" : "dependents";
        console.Line($"{PathViews.Entity(response.Root)}{commodity} (as of {Values.Date(response.AsOf)}): {Count(response.Reached, what)}, total exposure {total}.");
        var tree = new Tree(new Text("Without each of these it would lose:"));
        var rank = 0;
        foreach (var chokepoint in response.Chokepoints)
        {
            var lost = ExposureViews.Exposure(chokepoint.ExposureLostLower, chokepoint.ExposureLostUpper, chokepoint.ExposureLostLower == chokepoint.ExposureLostUpper);
            var node = tree.AddNode(new Text(
                $"{++rank}. {PathViews.Entity(chokepoint.Entity)}: exposure {lost}, {Count(chokepoint.ReachLost, what)} no longer reached, {Count(chokepoint.RouteCount, "routes")} through it"));
            foreach (var route in chokepoint.Routes) node.AddNode(new Text(TraceCommand.RouteLine(route)));
        }
        if (response.Chokepoints.Count == 0) console.Line($"No {what} found.");
        else console.Write(tree);
        if (response.Truncated) console.Line($"Truncated: stopped by {PathViews.Bounds(response.BoundsHit)}.");
    }

    /// <summary><c>1 dependency</c>, <c>3 dependencies</c>, <c>1 route</c>.</summary>
    private static string Count(int count, string plural) =>
        count == 1 ? $"1 {(plural.EndsWith("ies", StringComparison.Ordinal) ? plural[..^3] + "y" : plural.TrimEnd('s'))}" : $"{count} {plural}";
}
