using System.CommandLine;
using KnowledgeGraph.Cli.Output;
using KnowledgeGraph.V1;
using Spectre.Console;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg paths FROM TO</c>: paths between two entities, each hop with its evidence.</summary>
public static class PathsCommand
{
    public static Command Create(GlobalOptions options, KgHost host)
    {
        var from = new Argument<string>("from") { Description = "Entity the paths start from" };
        var to = new Argument<string>("to") { Description = "Entity the paths end at" };
        var mode = new Option<string>("--mode") { Description = "shortest, k-shortest or all (simple paths)", DefaultValueFactory = _ => "shortest" };
        mode.AcceptOnlyFromAmong("shortest", "k-shortest", "all");
        var maxDepth = new Option<int>("--max-depth") { Description = "Longest path in hops, 1..10 (server default 4)" };
        var maxPaths = new Option<int>("--max-paths") { Description = "At most this many paths, 1..100 (server default 10)" };
        var types = new Option<string[]>("--types") { Description = "Only these relationship types (repeatable or comma-separated)", AllowMultipleArgumentsPerToken = true };
        var direction = new Option<string>("--direction") { Description = "outgoing, incoming or both", DefaultValueFactory = _ => "outgoing" };
        direction.AcceptOnlyFromAmong("outgoing", "incoming", "both");
        var asOf = new Option<string?>("--as-of") { Description = "Only relationships valid at this date (YYYY-MM-DD or ISO 8601); default now" };
        var command = new Command("paths", "Find paths between two entities") { from, to, mode, maxDepth, maxPaths, types, direction, asOf };
        command.SetBody(options, host, async (parse, context, cancellation) =>
        {
            var request = new FindPathsRequest
            {
                Source = Names.Entity(parse.GetRequiredValue(from)),
                Target = Names.Entity(parse.GetRequiredValue(to)),
                MaxDepth = parse.GetValue(maxDepth),
                MaxPaths = parse.GetValue(maxPaths),
                Mode = parse.GetValue(mode) switch { "k-shortest" => PathMode.KShortest, "all" => PathMode.AllSimple, _ => PathMode.Shortest },
                Direction = OptionValues.Direction(parse.GetValue(direction)),
                AsOf = Dates.ParseOptional(parse.GetValue(asOf), "--as-of"),
            };
            request.RelationshipTypes.AddRange(OptionValues.SplitList(parse.GetValue(types)));
            var response = await context.Clients.Queries.FindPathsAsync(request, context.Read(cancellation));
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

    private static void Render(IAnsiConsole console, FindPathsRequest request, FindPathsResponse response)
    {
        var tree = new Tree(new Text($"{response.Paths.Count} path(s) from {request.Source} to {request.Target} as of {Values.Date(response.AsOf)}"));
        var number = 0;
        foreach (var path in response.Paths)
        {
            var validity = Values.Validity(path.ValidFrom, path.ValidTo);
            var node = tree.AddNode(new Text($"Path {++number}: {path.Hops.Count} hop(s){(validity.Length == 0 ? "" : $", valid {validity}")}"));
            node.AddNode(new Text(PathViews.Entity(path.Start)));
            foreach (var hop in path.Hops) node.AddNode(new Text(PathViews.Hop(hop)));
        }
        console.Write(tree);
        if (response.Paths.Count == 0) console.Line("No path found.");
        if (response.Truncated) console.Line($"Truncated: stopped by {PathViews.Bounds(response.BoundsHit)}.");
    }
}
