using System.CommandLine;
using KnowledgeGraph.Cli.Output;
using KnowledgeGraph.V1;
using Spectre.Console;

namespace KnowledgeGraph.Cli.Commands;

/// <summary><c>kg trace ENTITY --upstream|--downstream</c>: dependencies with exposure and the routes behind it.</summary>
public static class TraceCommand
{
    public static Command Create(GlobalOptions options, KgHost host)
    {
        var question = new DependencyOptions("Entity the trace starts from", "What the entity depends on", "Who depends on the entity");
        var minExposure = new Option<double>("--min-exposure") { Description = "Leave out entities (and stop routes) below this exposure, 0..1" };
        var maxRoutes = new Option<int>("--max-routes") { Description = "Routes listed per entity, 1..1000 (server default 10)" };
        var maxResults = new Option<int>("--max-results") { Description = "Dependencies listed, largest exposure first, 1..1000 (server default 100)" };
        var without = new Option<string[]>("--without")
        {
            Description = "What if this entity or relationships/{id} were gone (repeatable or comma-separated); each dependency is shown with its exposure without it and the change",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("trace", "Trace dependencies upstream or downstream, with exposure") { minExposure, maxRoutes, maxResults, without };
        question.AddTo(command);
        command.SetBody(options, host, async (parse, context, cancellation) =>
        {
            var request = new TraceDependenciesRequest
            {
                Root = question.Root(parse),
                Direction = question.Direction(parse),
                Commodity = question.Commodity(parse),
                MaxDepth = question.MaxDepth(parse),
                MinExposure = parse.GetValue(minExposure),
                MaxRoutes = parse.GetValue(maxRoutes),
                MaxResults = parse.GetValue(maxResults),
                AsOf = question.AsOf(parse),
            };
            request.Exclude.AddRange(OptionValues.SplitList(parse.GetValue(without)).Select(Names.Entity));
            request.CompareBaseline = request.Exclude.Count > 0;
            var response = await context.Clients.Queries.TraceDependenciesAsync(request, context.Read(cancellation));
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

    private static void Render(IAnsiConsole console, TraceDependenciesRequest request, TraceDependenciesResponse response)
    {
        var heading = request.Direction == TraceDirection.Upstream ? "depends on" : "is depended on by";
        var commodity = request.Commodity.Length == 0 ? "" : $" for {Names.Id(request.Commodity)}";
        var without = request.Exclude.Count == 0 ? "" : $" without {string.Join(", ", request.Exclude.Select(Names.Id))}";
        var tree = new Tree(new Text($"{PathViews.Entity(response.Root)} {heading}{commodity}{without} (as of {Values.Date(response.AsOf)}):"));
        foreach (var dependency in response.Dependencies)
        {
            var change = ExposureViews.Change(dependency.Comparison, dependency.Quantified);
            var node = tree.AddNode(new Text($"{PathViews.Entity(dependency.Entity)}: exposure {ExposureViews.Exposure(dependency)}{change}"));
            foreach (var route in dependency.Routes) node.AddNode(new Text(RouteLine(route)));
        }
        console.Write(tree);
        if (response.Dependencies.Count == 0) console.Line("No dependencies found.");
        if (response.Reached > response.Dependencies.Count) console.Line($"Listed {response.Dependencies.Count} of {response.Reached} dependencies reached (--max-results).");
        if (response.Truncated) console.Line($"Truncated: stopped by {PathViews.Bounds(response.BoundsHit)}.");
    }

    /// <summary>A route's contribution, path and validity on one line.</summary>
    public static string RouteLine(DependencyRoute route)
    {
        var validity = Values.Validity(route.Path.ValidFrom, route.Path.ValidTo);
        return $"{ExposureViews.Contribution(route)} via {PathViews.Inline(route.Path)}{(validity.Length == 0 ? "" : $"  [{validity}]")}";
    }
}
